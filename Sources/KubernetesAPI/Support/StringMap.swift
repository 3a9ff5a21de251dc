/// A Kubernetes map (`labels`, `data`, `resources.limits`): string keys, kept sorted so that every
/// encoder writes the same bytes on every run (Swift's `Dictionary` iterates in a per-process order).
///
/// ```swift
/// let labels: StringMap<String> = ["app": "web", "tier": "frontend"]
/// ```
public struct StringMap<Element: Hashable & Sendable>: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    /// The entries, sorted by key.
    public private(set) var entries: [(key: String, value: Element)]

    /// A map of the given entries; a later entry with the same key wins.
    public init(_ entries: [(String, Element)]) {
        var byKey: [String: Element] = [:]
        for (key, value) in entries { byKey[key] = value }
        self.entries = byKey.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    public init(dictionaryLiteral elements: (String, Element)...) { self.init(elements) }

    /// The value at `key`; setting nil removes it.
    public subscript(key: String) -> Element? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key >= key } ?? entries.endIndex
            let present = index < entries.endIndex && entries[index].key == key
            switch (newValue, present) {
            case (let value?, true): entries[index].value = value
            case (let value?, false): entries.insert((key: key, value: value), at: index)
            case (nil, true): entries.remove(at: index)
            case (nil, false): break
            }
        }
    }

    /// The keys, sorted.
    public var keys: [String] { entries.map(\.key) }
    /// Whether the map is empty.
    public var isEmpty: Bool { entries.isEmpty }
    /// The number of entries.
    public var count: Int { entries.count }

    public func makeIterator() -> IndexingIterator<[(key: String, value: Element)]> { entries.makeIterator() }

    public static func == (lhs: StringMap, rhs: StringMap) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }

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

extension StringMap: Codable where Element: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MapKey.self)
        var entries: [(String, Element)] = []
        for key in container.allKeys { entries.append((key.stringValue, try container.decode(Element.self, forKey: key))) }
        self.init(entries)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MapKey.self)
        for entry in entries { try container.encode(entry.value, forKey: MapKey(entry.key)) }
    }
}

/// Any string as a coding key: the keys of a ``StringMap`` or a ``JSONValue`` object.
struct MapKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { return nil }
}
