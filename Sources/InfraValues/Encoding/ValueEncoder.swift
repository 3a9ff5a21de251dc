/// Encodes any `Encodable` into a ``Value`` document, keeping the order in which the type encodes its
/// keys (declaration order for synthesized conformances). Absent optionals are left out. The result
/// renders through the same YAML and JSON renderers as every manifest.
public struct ValueEncoder: Sendable {
    /// An encoder.
    public init() {}

    /// The document form of `value`.
    public func encode(_ value: some Encodable) throws -> Value {
        let root = Slot()
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        return root.finished()
    }
}

/// One place in the document being built; containers fill it in as they are asked for.
private final class Slot {
    enum Content {
        case empty
        case scalar(Value)
        case object([(String, Slot)])
        case array([Slot])
    }

    var content = Content.empty

    func finished() -> Value {
        switch content {
        case .empty: return .emptyObject
        case .scalar(let value): return value
        case .object(let entries): return .object(Fields(entries.map { ($0.0, $0.1.finished()) }))
        case .array(let items): return .array(items.map { $0.finished() })
        }
    }

    func child(forKey key: String) -> Slot {
        var entries: [(String, Slot)]
        if case .object(let existing) = content { entries = existing } else { entries = [] }
        if let found = entries.first(where: { $0.0 == key }) { return found.1 }
        let slot = Slot()
        entries.append((key, slot))
        content = .object(entries)
        return slot
    }

    func appendChild() -> Slot {
        var items: [Slot]
        if case .array(let existing) = content { items = existing } else { items = [] }
        let slot = Slot()
        items.append(slot)
        content = .array(items)
        return slot
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([]) }
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return UnkeyedSlotContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, codingPath: codingPath)
    }
}

/// Turns a primitive into a scalar, or encodes a composite value into `slot`.
private func store(_ value: some Encodable, in slot: Slot, codingPath: [any CodingKey]) throws {
    switch value {
    case let string as String: slot.content = .scalar(.string(string))
    case let bool as Bool: slot.content = .scalar(.bool(bool))
    case let int as Int: slot.content = .scalar(.int(int))
    case let int as Int64: slot.content = .scalar(.int(Int(int)))
    case let int as Int32: slot.content = .scalar(.int(Int(int)))
    case let int as UInt16: slot.content = .scalar(.int(Int(int)))
    case let double as Double: slot.content = .scalar(.double(double))
    case let value as Value: slot.content = .scalar(value)
    default: try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, in: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.child(forKey: "super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(slot: Slot, codingPath: [any CodingKey]) {
        self.slot = slot
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: slot.appendChild(), codingPath: codingPath + [IndexKey(count)])
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return SlotEncoder(slot: slot.appendChild(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return SlotEncoder(slot: slot.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.appendChild(), codingPath: codingPath) }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: slot, codingPath: codingPath)
    }
}
