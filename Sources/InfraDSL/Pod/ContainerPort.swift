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
public enum PortReference: Hashable, Sendable, ExpressibleByIntegerLiteral {
    case number(Port)
    case name(String)

    public init(integerLiteral value: Int) { self = .number(Port(value)) }

    /// The port a container declares, by its name.
    public init(_ port: ContainerPort) { self = .name(port.name) }
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
        switch self {
        case .number(let port): .int(port.number)
        case .name(let name): .string(name)
        }
    }
}
