/// Derives a JSON Schema (draft 2020-12) from a `Decodable` type by decoding it once with a decoder
/// that records what the type asks for: each key becomes a property, `decode` makes it required and
/// `decodeIfPresent` optional, arrays give their element's schema, and ``JSONSchemaDescribable``
/// leaves give their own. Objects reject unknown keys, as the engine's decoder does.
///
/// Limits: dictionaries with dynamic keys and types with hand-written `init(from:)` that branch on
/// data must conform to ``JSONSchemaDescribable`` themselves.
public enum JSONSchemaGenerator {
    /// The schema document for `type`, titled.
    public static func schema<T: Decodable>(for type: T.Type, title: String, description: String? = nil) throws -> Value {
        let recorder = SchemaRecorder()
        _ = try recorder.decode(type)
        var fields = Fields([("$schema", "https://json-schema.org/draft/2020-12/schema"), ("title", .string(title))])
        fields.add("description", description)
        if case .object(let body) = recorder.result {
            for (key, value) in body { fields.add(key, value, keepEmpty: true) }
        }
        return .object(fields)
    }
}

/// Records the schema of one value while handing the type placeholder data.
private final class SchemaRecorder {
    var schema: Value = [:]
    var properties: [(String, SchemaRecorder)] = []
    var required: [String] = []
    var optionalKeys: Set<String> = []
    var items: SchemaRecorder?
    var kind: Kind = .unknown

    enum Kind { case unknown, object, array, leaf }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let described = type as? any JSONSchemaDescribable.Type {
            kind = .leaf
            schema = described.jsonSchema
            return described.schemaExample as! T
        }
        switch type {
        case is String.Type: return leaf(["type": "string"], "" as! T)
        case is Bool.Type: return leaf(["type": "boolean"], false as! T)
        case is Int.Type: return leaf(["type": "integer"], 0 as! T)
        case is Double.Type: return leaf(["type": "number"], 0.0 as! T)
        default: return try T(from: RecordingDecoder(recorder: self))
        }
    }

    private func leaf<T>(_ schema: Value, _ example: T) -> T {
        kind = .leaf
        self.schema = schema
        return example
    }

    /// The finished schema of this value.
    var result: Value {
        switch kind {
        case .leaf, .unknown: return schema
        case .array: return ["type": "array", "items": items?.result ?? [:]]
        case .object:
            var fields = Fields([("type", "object")])
            fields.add("properties", .object(Fields(properties.map { ($0.0, $0.1.result) })), keepEmpty: true)
            fields.add("required", .array(required.map(Value.string)))
            fields.add("additionalProperties", false)
            return .object(fields)
        }
    }

    func property(_ key: String, required isRequired: Bool) -> SchemaRecorder {
        if let existing = properties.first(where: { $0.0 == key }) { return existing.1 }
        let child = SchemaRecorder()
        properties.append((key, child))
        if isRequired { required.append(key) }
        return child
    }
}

private struct RecordingDecoder: Decoder {
    let recorder: SchemaRecorder
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        recorder.kind = .object
        return KeyedDecodingContainer(RecordingKeyedContainer<Key>(recorder: recorder))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        recorder.kind = .array
        return RecordingUnkeyedContainer(recorder: recorder)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        RecordingSingleContainer(recorder: recorder)
    }
}

private struct RecordingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: SchemaRecorder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    /// The standard library's `decodeIfPresent` for primitives asks `decodeNil` before `decode`:
    /// that is how an optional primitive is told from a required one.
    func decodeNil(forKey key: Key) throws -> Bool {
        recorder.optionalKeys.insert(key.stringValue)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let isRequired = !recorder.optionalKeys.contains(key.stringValue)
        return try recorder.property(key.stringValue, required: isRequired).decode(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try recorder.property(key.stringValue, required: false).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try RecordingDecoder(recorder: recorder.property(key.stringValue, required: true)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try RecordingDecoder(recorder: recorder.property(key.stringValue, required: true)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { RecordingDecoder(recorder: recorder) }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        RecordingDecoder(recorder: recorder.property(key.stringValue, required: true))
    }
}

private struct RecordingUnkeyedContainer: UnkeyedDecodingContainer {
    let recorder: SchemaRecorder
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    init(recorder: SchemaRecorder) { self.recorder = recorder }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        let items = SchemaRecorder()
        recorder.items = items
        return try items.decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        let items = SchemaRecorder()
        recorder.items = items
        return try RecordingDecoder(recorder: items).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        let items = SchemaRecorder()
        recorder.items = items
        return try RecordingDecoder(recorder: items).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { RecordingDecoder(recorder: recorder) }
}

private struct RecordingSingleContainer: SingleValueDecodingContainer {
    let recorder: SchemaRecorder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try recorder.decode(type)
    }
}
