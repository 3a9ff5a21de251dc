/// Free-form JSON: a field whose schema allows any value (`x-kubernetes-preserve-unknown-fields`, a
/// raw extension). Objects keep their keys sorted, so output is deterministic.
///
/// ```swift
/// let settings: JSONValue = ["retries": 3, "mode": "fast", "hosts": ["a", "b"]]
/// ```
public indirect enum JSONValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(StringMap<JSONValue>)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(StringMap(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// Whether a list anywhere inside holds null. A null field is left out when rendered (the API
    /// server reads it as absent), but a list item cannot be left out without moving the others.
    public var holdsNullItem: Bool {
        switch self {
        case .array(let items): items.contains { $0 == .null || $0.holdsNullItem }
        case .object(let entries): entries.contains { $0.value.holdsNullItem }
        default: false
        }
    }
}

extension JSONValue: DocumentReadable {
    /// Any value: plain scalars as null, booleans and numbers, others as strings. A value holding a
    /// null list item is noted once, at the field.
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        self = try Self.read(reader, at: node)
        if holdsNullItem { reader.note(self, at: node) }
    }

    private static func read(_ reader: DocumentReader, at node: Int) throws(DocumentReadError) -> JSONValue {
        let tree = reader.tree
        switch tree.nodes[node].kind {
        case .mapping:
            var entries: [(key: String, value: JSONValue)] = []
            for entry in tree.entries(of: node) {
                entries.append((try reader.text(at: entry.key, expected: "string"), try read(reader, at: entry.value)))
            }
            return .object(StringMap(sorted: entries))
        case .sequence:
            var items: [JSONValue] = []
            for item in tree.items(of: node) { items.append(try read(reader, at: item)) }
            return .array(items)
        case .scalar:
            let scalar = tree.nodes[node]
            guard scalar.isPlain else { return .string(scalar.text) }
            if tree.isNull(node) { return .null }
            if let value = PlainScalars.boolean(scalar.text) { return .bool(value) }
            if let value = PlainScalars.integer(scalar.text) { return .int(value) }
            if let value = PlainScalars.number(scalar.text) { return .double(value) }
            return .string(scalar.text)
        }
    }
}
