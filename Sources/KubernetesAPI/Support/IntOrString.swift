/// A field Kubernetes reads as either a number or a name (`targetPort: 8080` or `targetPort: http`,
/// `maxUnavailable: 1` or `maxUnavailable: "25%"`).
///
/// ```swift
/// let port: IntOrString = 8080
/// let named: IntOrString = "http"
/// ```
public enum IntOrString: Hashable, Sendable, Codable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case int(Int)
    case string(String)

    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }
}
