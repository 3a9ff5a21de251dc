/// One parsed YAML document as a flat list of nodes in document order: what the generated types read
/// themselves from (``DocumentReadable``). A collection's contents follow it: a mapping's key and
/// value nodes alternate, each followed by whatever is inside it, and ``Node/end`` is the index just
/// past a node and everything inside it, so a reader steps from one entry to the next without
/// visiting what lies between.
///
/// ```swift
/// // name: web          nodes: 0 mapping (end 6, count 2)
/// // ports: [80]               1 "name"  2 "web"  3 "ports"  4 sequence (end 6, count 1)  5 "80"
/// ```
public struct DocumentTree: Sendable {
    /// One scalar, mapping or sequence.
    public struct Node: Sendable {
        public enum Kind: UInt8, Sendable {
            case scalar, mapping, sequence
        }

        public var kind: Kind
        /// Whether a scalar was written without quotes and without a `!!str` tag: only such a scalar
        /// reads as a number, a boolean or null.
        public var isPlain: Bool
        /// Where the node starts, 1-based.
        public var line: Int32
        public var column: Int32
        /// The index of the collection holding the node; -1 for the document's root.
        public var parent: Int32
        /// The index just past the node and everything inside it.
        public var end: Int32
        /// A mapping's number of entries, a sequence's number of items; 0 for a scalar.
        public var count: Int32
        /// A scalar's text; empty for a collection.
        public var text: String

        public init(kind: Kind, isPlain: Bool, line: Int32, column: Int32, parent: Int32, end: Int32, count: Int32, text: String) {
            self.kind = kind
            self.isPlain = isPlain
            self.line = line
            self.column = column
            self.parent = parent
            self.end = end
            self.count = count
            self.text = text
        }
    }

    /// Every node, the root first.
    public var nodes: [Node]

    public init(nodes: [Node]) { self.nodes = nodes }

    /// Whether the node is a null scalar: written plain as nothing, `~` or `null`.
    public func isNull(_ index: Int) -> Bool {
        let node = nodes[index]
        guard node.kind == .scalar, node.isPlain else { return false }
        switch node.text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A mapping's entries as (key, value) node indexes, in document order, found in place.
    public struct Entries: Sequence, IteratorProtocol {
        private let nodes: [Node]
        /// The next entry's key.
        private var key: Int
        private let end: Int

        init(of mapping: Int, in nodes: [Node]) {
            self.nodes = nodes
            key = mapping + 1
            end = Int(nodes[mapping].end)
        }

        public mutating func next() -> (key: Int, value: Int)? {
            guard key < end else { return nil }
            let entry = (key: key, value: Int(nodes[key].end))
            key = Int(nodes[entry.value].end)
            return entry
        }
    }

    /// The entries of `mapping`, a mapping node of `nodes` whose contents are complete.
    public static func entries(of mapping: Int, in nodes: [Node]) -> Entries { Entries(of: mapping, in: nodes) }

    public func entries(of mapping: Int) -> Entries { Entries(of: mapping, in: nodes) }

    /// A sequence's items (node indexes), in document order.
    public func items(of sequence: Int) -> [Int] {
        var items: [Int] = []
        items.reserveCapacity(Int(nodes[sequence].count))
        var item = sequence + 1
        let end = Int(nodes[sequence].end)
        while item < end {
            items.append(item)
            item = Int(nodes[item].end)
        }
        return items
    }

    /// The value of the entry of `mapping` whose key is the scalar `key` (keys are unique: a
    /// repeated key is refused when the document is parsed).
    public func value(of mapping: Int, forKey key: String) -> Int? { entry(of: mapping, forKey: key)?.value }

    /// The entry of `mapping` whose key is the scalar `key`.
    public func entry(of mapping: Int, forKey key: String) -> (key: Int, value: Int)? {
        entries(of: mapping).first { nodes[$0.key].kind == .scalar && nodes[$0.key].text == key }
    }

    /// The field path from `root` to the node (`spec`, `ports`, `0`, `port`): keys by their text,
    /// items by their index. A mapping's key has the path of its value.
    public func path(of index: Int, below root: Int = 0) -> [String] {
        var segments: [String] = []
        var child = index
        while child != root, nodes[child].parent >= 0 {
            let parent = Int(nodes[child].parent)
            if nodes[parent].kind == .mapping {
                if let entry = entries(of: parent).first(where: { $0.key == child || $0.value == child }) {
                    segments.append(nodes[entry.key].text)
                }
            } else if let position = items(of: parent).firstIndex(of: child) {
                segments.append(String(position))
            }
            child = parent
        }
        return segments.reversed()
    }

    /// The line a finding about the node names: a mapping's value is where its key is (a nested
    /// block starts on the line after its key), anything else where it starts.
    public func line(of index: Int) -> Int {
        let parent = Int(nodes[index].parent)
        if parent >= 0, nodes[parent].kind == .mapping, let entry = entries(of: parent).first(where: { $0.value == index }) {
            return Int(nodes[entry.key].line)
        }
        return Int(nodes[index].line)
    }
}
