/// A field Kubernetes reads as either a number or a name (`targetPort: 8080` or `targetPort: http`,
/// `maxUnavailable: 1` or `maxUnavailable: "25%"`).
///
/// ```swift
/// let port: IntOrString = 8080
/// let named: IntOrString = "http"
/// ```
public enum IntOrString: Hashable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case int(Int)
    case string(String)

    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}

extension IntOrString: DocumentReadable {
    /// A plain integer is a number; any other scalar is a name.
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        let text = try reader.text(at: node, expected: "integer or string")
        if reader.tree.nodes[node].isPlain, let number = PlainScalars.integer(text) {
            self = .int(number)
        } else {
            self = .string(text)
        }
    }
}
