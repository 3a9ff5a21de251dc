/// A TCP or UDP port number. Values outside 1...65535 are reported by validation with the Swift line.
public struct Port: Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The port number.
    public let number: Int

    /// A port number.
    public init(_ number: Int) { self.number = number }
    /// Lets `8080` stand for a port where one is expected.
    public init(integerLiteral value: Int) { number = value }

    /// Whether the number is a valid port.
    public var isValid: Bool { (1...65535).contains(number) }

    public var description: String { "\(number)" }
}

/// The transport of a port.
public enum PortProtocol: String, Hashable, Sendable {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
}
