/// A Kubernetes map (`labels`, `data`, `resources.limits`): string keys, kept sorted so that every
/// encoder writes the same bytes on every run (Swift's `Dictionary` iterates in a per-process order).
///
/// ```swift
/// let labels: StringMap<String> = ["app": "web", "tier": "frontend"]
/// ```
public struct StringMap<Element: Equatable & Sendable>: Equatable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    // Inlinable, with its storage, so that code in other modules builds maps in code specialized
    // for the element type: the unspecialized generic path was a fifth of rendering's time.
    @usableFromInline var storage: [(key: String, value: Element)]

    /// The entries, sorted by key.
    @inlinable public var entries: [(key: String, value: Element)] { storage }

    /// A map of the given entries; a later entry with the same key wins.
    @inlinable public init(_ entries: [(String, Element)]) {
        self.init(sorted: entries.map { (key: $0.0, value: $0.1) })
    }

    /// A map of entries already sorted by key, each key once (as a sorted label set holds them),
    /// taken without copying; entries out of order or repeated are sorted, a later entry with the
    /// same key winning.
    @inlinable public init(sorted entries: [(key: String, value: Element)]) {
        // Most maps are made from entries already in order (labels are kept sorted): take them as
        // they are instead of hashing and sorting.
        var ascending = true
        var index = 1
        while ascending && index < entries.count {
            ascending = entries[index - 1].key < entries[index].key
            index += 1
        }
        if ascending {
            storage = entries
        } else {
            var byKey: [String: Element] = [:]
            for (key, value) in entries { byKey[key] = value }
            storage = byKey.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        }
    }

    @inlinable public init(dictionaryLiteral elements: (String, Element)...) { self.init(elements) }

    /// The value at `key`; setting nil removes it.
    @inlinable public subscript(key: String) -> Element? {
        get { storage.first { $0.key == key }?.value }
        set {
            let index = storage.firstIndex { $0.key >= key } ?? storage.endIndex
            let present = index < storage.endIndex && storage[index].key == key
            switch (newValue, present) {
            case (let value?, true): storage[index].value = value
            case (let value?, false): storage.insert((key: key, value: value), at: index)
            case (nil, true): storage.remove(at: index)
            case (nil, false): break
            }
        }
    }

    /// The keys, sorted.
    @inlinable public var keys: [String] { storage.map(\.key) }
    /// Whether the map is empty.
    @inlinable public var isEmpty: Bool { storage.isEmpty }
    /// The number of entries.
    @inlinable public var count: Int { storage.count }

    @inlinable public func makeIterator() -> IndexingIterator<[(key: String, value: Element)]> { storage.makeIterator() }

    public static func == (lhs: StringMap, rhs: StringMap) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}

extension StringMap: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

/// A map's entries with their values type-erased, so code that walks any generated object (its
/// validation) can follow map entries by key without knowing the element type.
public protocol InspectableMap {
    /// The entries, sorted by key.
    var inspectableEntries: [(key: String, value: Any)] { get }
}

extension StringMap: InspectableMap {
    public var inspectableEntries: [(key: String, value: Any)] { entries.map { (key: $0.key, value: $0.value as Any) } }
}

extension StringMap: Decodable where Element: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MapKey.self)
        var entries: [(String, Element)] = []
        for key in container.allKeys { entries.append((key.stringValue, try container.decode(Element.self, forKey: key))) }
        self.init(entries)
    }
}

extension StringMap: Encodable where Element: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MapKey.self)
        for entry in entries { try container.encode(entry.value, forKey: MapKey(entry.key)) }
    }
}

/// Any string as a coding key: the keys of a ``StringMap``.
struct MapKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { return nil }
}

extension StringMap: DocumentReadable where Element: DocumentReadable {
    /// A mapping's entries in any order (kept sorted); every key must be a scalar.
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        guard reader.tree.nodes[node].kind == .mapping else { throw DocumentReadError(node: node, problem: .expected("a mapping")) }
        var entries: [(key: String, value: Element)] = []
        for entry in reader.tree.entries(of: node) {
            let key = try reader.text(at: entry.key, expected: "string")
            entries.append((key, try Element(reading: &reader, at: entry.value)))
        }
        self.init(sorted: entries)
    }
}
