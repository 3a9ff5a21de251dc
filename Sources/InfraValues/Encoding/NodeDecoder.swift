import Foundation
import Yams

/// A `Decoder` over one parsed YAML node for `gen lint`'s hot path: each mapping's keys are read
/// once as text, scalars are typed by Yams' own constructors (plain string tests, no regular
/// expressions), and every key the type never asked for is recorded, so unknown fields are known
/// without writing the value back out. Reads what Yams' `YAMLDecoder` reads, with the same
/// errors (`DecodingError`s with the coding path), at a fraction of its cost: `YAMLDecoder` resolves
/// a key's tag with a regular expression on every lookup.
package struct NodeDecoder {
    /// A key of a mapping that the decoded type does not have: its path and its node.
    package struct UnknownKey {
        package let path: [String]
        package let key: Node
    }

    /// Called with every value decoded from a mapping or a sequence, or from a scalar into a type
    /// of its own (not `String`, `Int`, `Bool`, `Double`), inner values first, with its path.
    private let inspect: ((Any, [any CodingKey]) -> Void)?

    package init(inspect: ((Any, [any CodingKey]) -> Void)? = nil) { self.inspect = inspect }

    /// The value of `node`, and the keys below it the type did not read (in document order; a key
    /// set to null is absent either way, so it is not one).
    package func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> (value: T, unknownKeys: [UnknownKey]) {
        let state = DecodingState(inspect: inspect)
        let value = try T(from: NodeValueDecoder(node: node, path: [], state: state))
        inspect?(value, [])
        return (value, state.unknownKeys())
    }
}

/// The mappings read so far, each with the keys asked for, shared by every container of one decode.
final class DecodingState {
    let inspect: ((Any, [any CodingKey]) -> Void)?

    init(inspect: ((Any, [any CodingKey]) -> Void)?) { self.inspect = inspect }

    final class Mapping {
        /// Where the mapping is, spelled only for a key the type does not have.
        let codingPath: [any CodingKey]
        /// Each pair's key as text, nil for a key that is not text (never asked for), in document
        /// order: a lookup compares text only, without copying the pairs' nodes.
        let keys: [String?]
        /// The mapping itself: a pair's value is taken from it when its key is asked for.
        let source: Node.Mapping
        /// Whether the type asked for each pair's key.
        var read: [Bool]

        init(codingPath: [any CodingKey], mapping: Node.Mapping) {
            self.codingPath = codingPath
            keys = mapping.map { pair in
                if case .scalar(let scalar) = pair.key { scalar.string } else { nil }
            }
            source = mapping
            read = Array(repeating: false, count: keys.count)
        }

        /// The index of `key`'s pair; of a repeated key, the last, as in Yams. A linear search: an
        /// object's mappings are small, and maps (labels, data) are read by their keys in order.
        func index(of key: String) -> Int? { keys.lastIndex(of: key) }

        /// The value at `key`, marking the key read.
        func value(_ key: String) -> Node? {
            guard let index = index(of: key) else { return nil }
            read[index] = true
            return source[index].value
        }
    }

    private var mappings: [Mapping] = []

    func register(_ mapping: Mapping) { mappings.append(mapping) }

    func unknownKeys() -> [NodeDecoder.UnknownKey] {
        var found: [NodeDecoder.UnknownKey] = []
        for mapping in mappings {
            guard mapping.read.contains(false) else { continue }
            // A repeated key is one key: read if any of its pairs was.
            let readKeys = Set(mapping.keys.indices.filter { mapping.read[$0] }.compactMap { mapping.keys[$0] })
            for (index, pair) in mapping.source.enumerated() {
                guard let key = mapping.keys[index], !readKeys.contains(key) else { continue }
                if case .scalar(let scalar) = pair.value, NSNull.construct(from: scalar) != nil { continue }
                found.append(NodeDecoder.UnknownKey(path: mapping.codingPath.map(\.stringValue) + [key], key: pair.key))
            }
        }
        return found.sorted { ($0.key.mark?.line ?? 0, $0.key.mark?.column ?? 0) < ($1.key.mark?.line ?? 0, $1.key.mark?.column ?? 0) }
    }
}

/// A coding key for a path segment (a field name or a list index).
struct NodeCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

struct NodeValueDecoder: Decoder {
    let node: Node
    let path: [any CodingKey]
    let state: DecodingState
    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw DecodingError.typeMismatch(KeyedDecodingContainer<Key>.self, .init(codingPath: path, debugDescription: "not a mapping"))
        }
        let record = DecodingState.Mapping(codingPath: path, mapping: mapping)
        state.register(record)
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(mapping: record, path: path, state: state))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw DecodingError.typeMismatch(UnkeyedDecodingContainer.self, .init(codingPath: path, debugDescription: "not a sequence"))
        }
        return UnkeyedNodeContainer(items: Array(sequence), path: path, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeContainer(node: node, path: path, state: state) }
}

/// Scalars typed as Yams types them.
enum NodeScalars {
    static func scalar(_ node: Node, _ path: [any CodingKey]) throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else {
            throw DecodingError.typeMismatch(Node.Scalar.self, .init(codingPath: path, debugDescription: "not a single value"))
        }
        return scalar
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return NSNull.construct(from: scalar) != nil }
        return false
    }

    /// `node` as `T` when `T` is a scalar type (`String`, `Int`, `Bool`, `Double`); nil for any other
    /// type. The path is spelled only for an error.
    static func primitive<T>(_ type: T.Type, _ node: Node, _ path: @autoclosure () -> [any CodingKey]) throws -> T? {
        let value: Any?
        if T.self == String.self {
            value = try String.construct(from: scalar(node, path()))
        } else if T.self == Int.self {
            value = try Int.construct(from: scalar(node, path()))
        } else if T.self == Bool.self {
            value = try Bool.construct(from: scalar(node, path()))
        } else if T.self == Double.self {
            value = try Double.construct(from: scalar(node, path()))
        } else {
            return nil
        }
        guard let typed = value as? T else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: path(), debugDescription: "cannot be read as \(T.self)"))
        }
        return typed
    }

    static func decode<T: Decodable>(_ type: T.Type, _ node: Node, _ path: [any CodingKey], _ state: DecodingState) throws -> T {
        if let value = try primitive(T.self, node, path) { return value }
        let value = try T(from: NodeValueDecoder(node: node, path: path, state: state))
        state.inspect?(value, path)
        return value
    }

    /// ``decode(_:_:_:_:)`` of a mapping's value: the field's path is built only for a nested type
    /// or an error.
    static func decode<T: Decodable>(_ type: T.Type, _ node: Node, _ parent: [any CodingKey], _ key: any CodingKey, _ state: DecodingState) throws -> T {
        if let value = try primitive(T.self, node, parent + [key]) { return value }
        return try decode(T.self, node, parent + [key], state)
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let mapping: DecodingState.Mapping
    let path: [any CodingKey]
    let state: DecodingState
    var codingPath: [any CodingKey] { path }
    var allKeys: [Key] {
        mapping.keys.indices.compactMap { index in
            guard let key = mapping.keys[index] else { return nil }
            mapping.read[index] = true
            return Key(stringValue: key)
        }
    }

    func contains(_ key: Key) -> Bool {
        guard let index = mapping.index(of: key.stringValue) else { return false }
        mapping.read[index] = true
        return true
    }

    private func node(_ key: Key) throws -> Node {
        guard let node = mapping.value(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: path, debugDescription: "missing"))
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool { NodeScalars.isNull(try node(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try NodeScalars.decode(T.self, try node(key), path, key, state)
    }

    // One lookup for an optional field (the default looks the key up three times), for every type
    // and for the scalar types the protocol asks for one by one.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }

    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let node = mapping.value(key.stringValue) else { return nil }
        if NodeScalars.isNull(node) { return nil }
        return try NodeScalars.decode(T.self, node, path, key, state)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeValueDecoder(node: try node(key), path: path + [key], state: state).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeValueDecoder(node: try node(key), path: path + [key], state: state).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeValueDecoder(node: .mapping(.init([])), path: path, state: state) }
    func superDecoder(forKey key: Key) throws -> any Decoder { NodeValueDecoder(node: try node(key), path: path + [key], state: state) }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let items: [Node]
    let path: [any CodingKey]
    let state: DecodingState
    var currentIndex = 0
    var codingPath: [any CodingKey] { path }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [Node], path: [any CodingKey], state: DecodingState) {
        self.items = items
        self.path = path
        self.state = state
    }

    private mutating func next() throws -> (Node, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: path + [NodeCodingKey(intValue: currentIndex)], debugDescription: "no more items"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], path + [NodeCodingKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, NodeScalars.isNull(items[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, itemPath) = try next()
        return try NodeScalars.decode(T.self, node, itemPath, state)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, itemPath) = try next()
        return try NodeValueDecoder(node: node, path: itemPath, state: state).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, itemPath) = try next()
        return try NodeValueDecoder(node: node, path: itemPath, state: state).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, itemPath) = try next()
        return NodeValueDecoder(node: node, path: itemPath, state: state)
    }
}

struct SingleNodeContainer: SingleValueDecodingContainer {
    let node: Node
    let path: [any CodingKey]
    let state: DecodingState
    var codingPath: [any CodingKey] { path }

    func decodeNil() -> Bool { NodeScalars.isNull(node) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try NodeScalars.decode(T.self, node, path, state)
    }
}
