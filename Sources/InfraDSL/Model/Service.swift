import KubernetesAPI

/// A port a Service exposes, forwarded to a container port by number or by name.
public struct ServicePort: Hashable, Sendable {
    public let name: String
    public let port: Port
    public let targetPort: PortReference
    public let transport: PortProtocol
    public var location: SourceLocation

    /// `ServicePort("http", 8080, targetPort: http)` with a declared ``ContainerPort``.
    public init(
        _ name: String, _ port: Port, targetPort: ContainerPort, protocol transport: PortProtocol = .tcp,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.init(name, port, targetPort: PortReference(targetPort), protocol: transport, file: file, line: line)
    }

    /// `ServicePort("http", 8080)`; the target defaults to the same number.
    public init(
        _ name: String, _ port: Port, targetPort: PortReference? = nil, protocol transport: PortProtocol = .tcp,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.name = name
        self.port = port
        self.targetPort = targetPort ?? .number(port)
        self.transport = transport
        location = SourceLocation(file, line)
    }
}

extension ServicePort {
    /// The port in the generated API.
    public var generated: CoreV1.ServicePort {
        CoreV1.ServicePort(name: name, protocol: CoreV1.TransportProtocol(rawValue: transport.rawValue), port: port.number, targetPort: targetPort.generated)
    }
}

/// A Service. Either in front of a workload's pods, with the workload's own selector (so the two
/// cannot drift apart, and target ports by name are checked against its containers), or an
/// `ExternalName` alias for a host outside the cluster (a managed database, say), so the app reaches
/// both kinds by a cluster-local name.
public struct Service: GeneratedResource {
    public static let apiVersion = "v1"
    public static let kind = "Service"
    public static let applyOrder = ApplyOrder.service
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<CoreV1.Service>] = []

    /// What the Service routes to.
    public enum Backend: Sendable {
        /// Pods of a workload: its selector, its `Kind/name` and its named container ports (nil when
        /// read from a manifest: the `port` check then resolves names against the selected pods).
        case pods(selector: Labels, workload: String, portNames: Set<String>?, headless: Bool)
        /// A DNS name outside the cluster.
        case externalName(String)
        /// No selector: the Service's endpoints are managed by hand or by another controller
        /// (read from a manifest; traffic goes wherever they point, which the checks cannot see).
        case manualEndpoints
    }

    public let backend: Backend
    public let ports: [ServicePort]

    /// A ClusterIP Service (or a headless one) selecting `workload`'s pods.
    public init(
        _ name: String, selecting workload: some Workload, ports: [ServicePort], headless: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        backend = .pods(
            selector: workload.selector, workload: workload.identity,
            portNames: Set(workload.template.containers.flatMap { $0.ports.map(\.name) }), headless: headless)
        self.ports = ports
        location = SourceLocation(file, line)
    }

    /// An `ExternalName` Service: `<name>.<namespace>.svc.cluster.local` resolves to `host`.
    public init(_ name: String, externalName host: String, ports: [ServicePort] = [], file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        backend = .externalName(host)
        self.ports = ports
        location = SourceLocation(file, line)
    }

    /// A Service read from a manifest (`gen lint`).
    init(_ name: String, backend: Backend, ports: [ServicePort], location: SourceLocation) {
        metadata = ObjectMeta(name: name)
        self.backend = backend
        self.ports = ports
        self.location = location
    }

    /// The label selector, for a Service in front of pods.
    public var selector: Labels? {
        if case .pods(let selector, _, _, _) = backend { return selector }
        return nil
    }

    public var unpatchedObject: CoreV1.Service {
        var spec = CoreV1.ServiceSpec(ports: ports.map(\.generated).nonEmpty)
        switch backend {
        case .pods(let selector, _, _, let headless):
            spec.selector = selector.stringMap
            spec.clusterIP = headless ? "None" : nil
            spec.type = .clusterIP
            spec.publishNotReadyAddresses = headless ? true : nil
        case .externalName(let host):
            spec.type = .externalName
            spec.externalName = host
        case .manualEndpoints:
            spec.type = .clusterIP
        }
        return CoreV1.Service(spec: spec)
    }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        var names = Set<String>()
        for port in ports {
            context.checkPort(port.port, field: "spec/ports/\(port.name)", at: port.location)
            if !names.insert(port.name).inserted {
                context.error("duplicate", "port name '\(port.name)' is used twice", field: "spec/ports/\(port.name)", at: port.location)
            }
        }
        switch backend {
        case .pods(let selector, let workload, let portNames, _):
            context.checkSelectorNotEmpty(selector, field: "spec/selector", at: location)
            if ports.isEmpty {
                context.error("port", "a Service needs at least one port", field: "spec/ports", at: location)
            }
            for port in ports {
                if let targetName = port.targetPort.portName, let portNames, !portNames.contains(targetName) {
                    context.error("port", "targetPort '\(targetName)' is not a port declared by \(workload)", field: "spec/ports/\(port.name)/targetPort", at: port.location)
                }
            }
        case .externalName(let host):
            if let problem = NameRules.dns1123SubdomainProblem(host) {
                context.error("name", "externalName '\(host)' is not a DNS name: it \(problem)", field: "spec/externalName", at: location)
            }
        case .manualEndpoints:
            break
        }
    }
}
