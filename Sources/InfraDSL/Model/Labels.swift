/// Kubernetes labels or annotations: string pairs that render sorted by key, so the output does not
/// depend on the order they were written in. Written as a dictionary literal:
/// `["app": "trading-engine", "env": "production"]`.
public struct Labels: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    /// The pairs, sorted by key, last write winning.
    public private(set) var pairs: [(key: String, value: String)]

    /// Keys written twice in one literal (reported by validation; the last one wins).
    public private(set) var duplicateKeys: [String] = []

    /// Pairs from a literal.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Pairs from an array, in any order.
    public init(_ elements: [(String, String)]) {
        // Insertion into a sorted array: label sets are small, and this runs for every object.
        var sorted: [(key: String, value: String)] = []
        sorted.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let index = sorted.firstIndex(where: { $0.key >= key }) {
                if sorted[index].key == key {
                    duplicateKeys.append(key)
                    sorted[index].value = value
                } else {
                    sorted.insert((key: key, value: value), at: index)
                }
            } else {
                sorted.append((key: key, value: value))
            }
        }
        pairs = sorted
    }

    /// No pairs.
    public static let none = Labels([])

    /// Whether there are no pairs.
    public var isEmpty: Bool { pairs.isEmpty }

    /// The value for `key`.
    public subscript(key: String) -> String? { pairs.first { $0.key == key }?.value }

    /// These pairs with `other`'s added; `other` wins on a shared key.
    public func merging(_ other: Labels) -> Labels {
        if other.isEmpty && other.duplicateKeys.isEmpty { return self }
        if isEmpty && duplicateKeys.isEmpty { return other }
        var merged = Labels(pairs.map { ($0.key, $0.value) } + other.pairs.map { ($0.key, $0.value) })
        merged.duplicateKeys = duplicateKeys + other.duplicateKeys
        return merged
    }

    /// Whether every pair of `self` is also in `other` (a label selector matching `other`).
    public func isSubset(of other: Labels) -> Bool {
        pairs.allSatisfy { other[$0.key] == $0.value }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }

    public static func == (lhs: Labels, rhs: Labels) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.key)
            hasher.combine(pair.value)
        }
    }
}

extension Labels: ValueConvertible {
    public var value: InfraDSL.Value {
        .object(Fields(entries: pairs.map { (key: $0.key, value: InfraDSL.Value.string($0.value)) }))
    }
}
