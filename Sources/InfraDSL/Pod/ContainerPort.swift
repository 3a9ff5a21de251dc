import KubernetesAPI

/// A named port a container listens on: `ContainerPort("http", 8080)`.
public struct ContainerPort: Hashable, Sendable {
    /// The port's name, by which probes and Services refer to it.
    public let name: String
    /// The port number.
    public let port: Port
    /// The transport.
    public let transport: PortProtocol
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A named port.
    public init(
        _ name: String, _ port: Port, protocol transport: PortProtocol = .tcp,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.name = name
        self.port = port
        self.transport = transport
        location = SourceLocation(file, line)
    }
}

extension ContainerPort {
    /// The port in the generated API.
    public var generated: CoreV1.ContainerPort {
        CoreV1.ContainerPort(name: name, containerPort: port.number, protocol: CoreV1.TransportProtocol(rawValue: transport.rawValue))
    }
}

/// A port given by number or by the name a container declares.
///
/// In the DSL, name a port by the ``ContainerPort`` value itself (`.httpGet(path: "/ready", port: http)`):
/// there is no string form, so a probe or Service cannot name a port nobody declared.
public struct PortReference: Hashable, Sendable, ExpressibleByIntegerLiteral {
    /// What a reference points at. Only the library makes a `.name` (from a declared
    /// ``ContainerPort``, or from a manifest being read).
    enum Target: Hashable, Sendable {
        case number(Port)
        case name(String)
    }

    let target: Target

    private init(_ target: Target) { self.target = target }

    public init(integerLiteral value: Int) { target = .number(Port(value)) }

    /// The port a container declares, by its name.
    public init(_ port: ContainerPort) { target = .name(port.name) }

    /// A port by number.
    public static func number(_ port: Port) -> PortReference { PortReference(.number(port)) }

    /// A port by a name nobody checked declares: for manifests read from YAML and the library's
    /// tests; the DSL names ports through ``ContainerPort``.
    static func name(_ name: String) -> PortReference { PortReference(.name(name)) }

    /// The port's number, when the reference gives one.
    public var portNumber: Port? { if case .number(let port) = target { port } else { nil } }

    /// The port's name, when the reference gives one.
    public var portName: String? { if case .name(let name) = target { name } else { nil } }
}

extension PortReference {
    /// A reference of the generated API (a manifest's `targetPort`, a probe's `port`).
    init(generated value: IntOrString) {
        switch value {
        case .int(let number): self = .number(Port(number))
        case .string(let name): self = .name(name)
        }
    }

    /// The reference in the generated API: a number or a port name.
    public var generated: IntOrString {
        switch target {
        case .number(let port): .int(port.number)
        case .name(let name): .string(name)
        }
    }
}
