/// Free-form JSON: a field whose schema allows any value (`x-kubernetes-preserve-unknown-fields`, a
/// raw extension). Objects keep their keys sorted, so output is deterministic.
///
/// ```swift
/// let settings: JSONValue = ["retries": 3, "mode": "fast", "hosts": ["a", "b"]]
/// ```
public indirect enum JSONValue: Hashable, Sendable, Codable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
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

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: MapKey.self) {
            var entries: [(String, JSONValue)] = []
            for key in object.allKeys { entries.append((key.stringValue, try object.decode(JSONValue.self, forKey: key))) }
            self = .object(StringMap(entries))
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let scalar = try decoder.singleValueContainer()
        if scalar.decodeNil() {
            self = .null
        } else if let value = try? scalar.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? scalar.decode(Int.self) {
            self = .int(value)
        } else if let value = try? scalar.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try scalar.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let map): try map.encode(to: encoder)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }
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
