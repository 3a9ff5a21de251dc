/// A Kubernetes resource quantity as written (`500m`, `2`, `4Gi`, `1.5`).
///
/// The text is kept exactly, so an object reads back as it was written; ``isWellFormed`` tells
/// whether the API server would parse it. Always rendered as a string, as the API server does.
///
/// ```swift
/// let memory: Quantity = "4Gi"
/// let cpu: Quantity = 2
/// ```
public struct Quantity: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The quantity as written.
    public var text: String

    /// A quantity from its text.
    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(String(value)) }

    public var description: String { text }

    /// Whether the text follows the quantity grammar: a signed decimal number, then an optional
    /// binary suffix (`Ki`...`Ei`), decimal suffix (`n`, `u`, `m`, `k`, `M`...`E`) or exponent (`e3`).
    public var isWellFormed: Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1 else { return false }
        let suffix = rest.dropFirst(number.count)
        let suffixes: Set<Substring> = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E"]
        if suffixes.contains(suffix) { return true }
        guard let marker = suffix.first, marker == "e" || marker == "E" else { return false }
        var exponent = suffix.dropFirst()
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension Quantity: DocumentReadable {
    /// The scalar's text as written (`500m`, `2`, `1.5`); a malformed one is noted.
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        self.init(try reader.text(at: node, expected: "string"))
        if !isWellFormed { reader.note(self, at: node) }
    }
}
