/// A value that reads itself from a node of a ``DocumentTree``: every generated struct and enum, and
/// the scalars, lists and maps they hold. The generated types' only way in (they are not
/// `Decodable`): each field is looked up once by its name, and scalars are typed as Kubernetes
/// reads YAML (a quoted `"3"` is text, not a number).
///
/// ```swift
/// var reader = DocumentReader(tree)
/// let port = try CoreV1.ContainerPort(reading: &reader, at: 0)
/// // reader.unknownKeys: the keys no type asked for
/// ```
public protocol DocumentReadable {
    init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError)
}

/// Why a node could not be read: the type it should have had, or a required field it lacks.
public struct DocumentReadError: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// The node is not a value of this type (`integer`, `a mapping`, ...).
        case expected(String)
        /// The mapping lacks this required field.
        case missingField(String)
    }

    /// The node at fault; for a missing field, the mapping.
    public let node: Int
    public let problem: Problem

    public init(node: Int, problem: Problem) {
        self.node = node
        self.problem = problem
    }
}

/// Reads generated values from one ``DocumentTree`` and records what a strict reader reports but
/// does not stop for: keys no type asked for, and values a type notes as questionable (an
/// enumeration's unlisted value, a malformed quantity).
public struct DocumentReader {
    public let tree: DocumentTree
    /// The key nodes of mapping entries that the type reading the mapping does not have and whose
    /// value is not null, in the order they were met.
    public private(set) var unknownKeys: [Int] = []
    /// Values read that their type marks for a second look, with their nodes, in the order read.
    public private(set) var notes: [(node: Int, value: any Sendable)] = []

    public init(_ tree: DocumentTree) { self.tree = tree }

    /// The entries of a mapping being read into a type, and which of them the type has asked for.
    public struct Fields {
        let mapping: Int
        let count: Int
        /// Entry `n` was asked for when bit `n` is set; entries past the 64th in ``readBeyond``.
        var read: UInt64 = 0
        var readBeyond: Set<Int> = []

        mutating func markRead(_ ordinal: Int) {
            if ordinal < 64 { read |= 1 << UInt64(ordinal) } else { readBeyond.insert(ordinal) }
        }

        func wasRead(_ ordinal: Int) -> Bool {
            ordinal < 64 ? read & (1 << UInt64(ordinal)) != 0 : readBeyond.contains(ordinal)
        }

        var allRead: Bool {
            guard count <= 64 else { return false }
            return read == (count == 64 ? .max : (1 << UInt64(count)) - 1)
        }
    }

    /// Starts reading `node` as an object: it must be a mapping.
    public func fields(of node: Int) throws(DocumentReadError) -> Fields {
        guard tree.nodes[node].kind == .mapping else { throw DocumentReadError(node: node, problem: .expected("a mapping")) }
        return Fields(mapping: node, count: Int(tree.nodes[node].count))
    }

    /// The value node of `key` in the mapping, marked as asked for.
    private func value(_ key: String, in fields: inout Fields) -> Int? {
        for (ordinal, entry) in tree.entries(of: fields.mapping).enumerated()
        where tree.nodes[entry.key].text == key && tree.nodes[entry.key].kind == .scalar {
            fields.markRead(ordinal)
            return entry.value
        }
        return nil
    }

    /// The field `key`, which must be present and not null.
    public mutating func required<T: DocumentReadable>(_ key: String, _ type: T.Type, in fields: inout Fields) throws(DocumentReadError) -> T {
        guard let node = value(key, in: &fields), !tree.isNull(node) else {
            throw DocumentReadError(node: fields.mapping, problem: .missingField(key))
        }
        return try T(reading: &self, at: node)
    }

    /// The field `key`, nil when absent or null.
    public mutating func optional<T: DocumentReadable>(_ key: String, _ type: T.Type, in fields: inout Fields) throws(DocumentReadError) -> T? {
        guard let node = value(key, in: &fields), !tree.isNull(node) else { return nil }
        return try T(reading: &self, at: node)
    }

    /// Ends reading a mapping: each entry the type did not ask for is an unknown key, unless its
    /// value is null (absent either way).
    public mutating func finish(_ fields: Fields) {
        if fields.allRead { return }
        for (ordinal, entry) in tree.entries(of: fields.mapping).enumerated() where !fields.wasRead(ordinal) && !tree.isNull(entry.value) {
            unknownKeys.append(entry.key)
        }
    }

    /// Marks a value for a second look (see ``notes``).
    public mutating func note(_ value: any Sendable, at node: Int) { notes.append((node, value)) }

    /// A scalar's text, or a type error naming `expected`.
    public func text(at node: Int, expected: String) throws(DocumentReadError) -> String {
        guard tree.nodes[node].kind == .scalar else { throw DocumentReadError(node: node, problem: .expected(expected)) }
        return tree.nodes[node].text
    }

    /// The items of a sequence, or a type error.
    public func items(at node: Int) throws(DocumentReadError) -> [Int] {
        guard tree.nodes[node].kind == .sequence else { throw DocumentReadError(node: node, problem: .expected("a sequence")) }
        return tree.items(of: node)
    }
}
