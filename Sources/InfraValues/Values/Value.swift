/// A JSON-like document whose objects keep their key order: the boundary between the typed model and
/// the renderers. The model decides field order (Kubernetes order); renderers only print.
///
/// It is also the type of the escape hatch (``Resource/override(_:with:file:line:)``), so even an
/// untyped field is a typed value, never a string pasted into YAML.
///
/// Not `indirect`: arrays and ``Fields`` already hold their elements out of line, and boxing every
/// case would cost a heap allocation per scalar of every document.
public enum Value: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([Value])
    case object(Fields)

    /// An empty object, `{}`, which Kubernetes reads as "select everything" or "use defaults".
    public static let emptyObject = Value.object(Fields())

    /// Whether this is an empty array or object (dropped from output unless asked to keep it).
    public var isEmptyCollection: Bool {
        switch self {
        case .array(let items): return items.isEmpty
        case .object(let fields): return fields.isEmpty
        default: return false
        }
    }
}

/// The ordered key/value pairs of an object ``Value``.
public struct Fields: Hashable, Sendable, Sequence {
    /// The entries in output order.
    public private(set) var entries: [(key: String, value: Value)] = []

    /// No entries.
    public init() {}

    /// Entries in the given order.
    public init(_ entries: [(String, Value)]) {
        self.entries = entries.map { (key: $0.0, value: $0.1) }
    }

    /// Entries in the given order, taken as they are.
    package init(entries: [(key: String, value: Value)]) {
        self.entries = entries
    }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value at `key`, if any.
    public subscript(key: String) -> Value? {
        entries.first { $0.key == key }?.value
    }

    /// Sets `key`, replacing an existing entry in place or appending a new one.
    public mutating func set(_ key: String, _ value: Value) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            // Objects are built a field at a time; growing from one entry (1, 2, 4, 8) was most of
            // the allocations of building a document, and documents are short-lived.
            if entries.isEmpty { entries.reserveCapacity(8) }
            entries.append((key: key, value: value))
        }
    }

    /// Adds `key` unless the value is nil, or an empty collection and `keepEmpty` is false.
    public mutating func add(_ key: String, _ value: Value?, keepEmpty: Bool = false) {
        guard let value, keepEmpty || !value.isEmptyCollection else { return }
        set(key, value)
    }

    /// Adds `key` with the value of a model type, under the same rules as ``add(_:_:keepEmpty:)``.
    public mutating func add(_ key: String, _ value: (some ValueConvertible)?, keepEmpty: Bool = false) {
        add(key, value?.value, keepEmpty: keepEmpty)
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
        entries.makeIterator()
    }

    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

/// A model type that has a document form.
public protocol ValueConvertible {
    /// The document form, in Kubernetes field order.
    var value: Value { get }
}

extension String: ValueConvertible { public var value: Value { .string(self) } }
extension Int: ValueConvertible { public var value: Value { .int(self) } }
extension Bool: ValueConvertible { public var value: Value { .bool(self) } }
extension Double: ValueConvertible { public var value: Value { .double(self) } }

extension Array: ValueConvertible where Element: ValueConvertible {
    public var value: Value { .array(map(\.value)) }
}

extension Value: ValueConvertible { public var value: Value { self } }
