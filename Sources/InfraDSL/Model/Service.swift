/// A port a Service exposes, forwarded to a container port by number or by name.
public struct ServicePort: Hashable, Sendable {
    public let name: String
    public let port: Port
    public let targetPort: PortReference
    public let transport: PortProtocol
    public let location: SourceLocation

    /// `ServicePort("http", 8080, targetPort: "http")`; the target defaults to the same number.
    public init(
        _ name: String, _ port: Port, targetPort: PortReference? = nil, protocol transport: PortProtocol = .tcp,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        self.name = name
        self.port = port
        self.targetPort = targetPort ?? .number(port)
        self.transport = transport
        location = SourceLocation(file, line)
    }
}

extension ServicePort: ValueConvertible {
    public var value: Value {
        var fields = Fields()
        fields.add("name", name)
        fields.add("protocol", transport)
        fields.add("port", port)
        fields.add("targetPort", targetPort)
        return .object(fields)
    }
}

/// A Service in front of a workload's pods. Its selector is the workload's own selector, so the two
/// cannot drift apart; target ports by name are checked against the workload's containers.
public struct Service: Resource {
    public static let apiVersion = "v1"
    public static let kind = "Service"
    public static let applyOrder = ApplyOrder.service
    public var metadata: ObjectMeta
    public let location: SourceLocation
    public var overrides: [Override] = []

    public let selector: Labels
    public let ports: [ServicePort]
    /// Whether the Service has no cluster IP (DNS per pod, for StatefulSets).
    public let headless: Bool
    /// The selected workload's `Kind/name` and named container ports, for checks.
    public let target: (identity: String, portNames: Set<String>)

    /// A ClusterIP Service (or a headless one) selecting `workload`'s pods.
    public init(
        _ name: String, selecting workload: some Workload, ports: [ServicePort], headless: Bool = false,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        selector = workload.selector
        self.ports = ports
        self.headless = headless
        target = (workload.identity, Set(workload.template.containers.flatMap { $0.ports.map(\.name) }))
        location = SourceLocation(file, line)
    }

    public func bodyFields() -> Fields {
        var spec = Fields()
        spec.add("ports", ports)
        spec.add("selector", selector)
        if headless { spec.add("clusterIP", "None") }
        spec.add("type", "ClusterIP")
        if headless { spec.add("publishNotReadyAddresses", true) }
        var fields = Fields()
        fields.add("spec", .object(spec))
        return fields
    }

    public func validate(_ context: inout ValidationContext) {
        context.checkSelectorNotEmpty(selector, field: "spec/selector", at: location)
        if ports.isEmpty {
            context.error("port", "a Service needs at least one port", field: "spec/ports", at: location)
        }
        var names = Set<String>()
        for port in ports {
            context.checkPort(port.port, field: "spec/ports/\(port.name)", at: port.location)
            if !names.insert(port.name).inserted {
                context.error("duplicate", "port name '\(port.name)' is used twice", field: "spec/ports/\(port.name)", at: port.location)
            }
            if case .name(let targetName) = port.targetPort, !target.portNames.contains(targetName) {
                context.error("port", "targetPort '\(targetName)' is not a port declared by \(target.identity)", field: "spec/ports/\(port.name)/targetPort", at: port.location)
            }
        }
    }
}
