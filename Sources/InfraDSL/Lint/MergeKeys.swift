import Yams

/// YAML merge keys (`<<: *defaults`), which kubectl honours: a mapping's `<<` entry (a mapping, or a
/// sequence of them) adds every entry the mapping does not set itself; of several merged mappings,
/// the earlier wins. A quoted `"<<"` is an ordinary key. Merged entries keep their own lines (those
/// of the anchored mapping).
enum MergeKeys {
    /// Whether `yaml` has the text `<<` anywhere: a file without it holds no merge key, and its
    /// documents need not be walked. A scan of the bytes (`String.contains` goes through
    /// Foundation's search, which took 3 % of `gen lint`).
    static func mayOccur(in yaml: String) -> Bool {
        var previous: UInt8 = 0
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "<") && previous == byte { return true }
            previous = byte
        }
        return false
    }

    static func expanded(_ node: Node) -> Node {
        // Most documents have none: then the document is kept as it is, not rebuilt.
        holdsMergeKey(node) ? rebuilt(node) : node
    }

    /// Whether a plain `<<` key is anywhere in `node`. Tested on the text, since the reader's parser
    /// resolves no tags.
    private static func holdsMergeKey(_ node: Node) -> Bool {
        switch node {
        case .mapping(let mapping):
            mapping.contains { key, value in isMergeKey(key) || holdsMergeKey(value) }
        case .sequence(let sequence):
            sequence.contains(where: holdsMergeKey)
        default:
            false
        }
    }

    private static func isMergeKey(_ key: Node) -> Bool {
        if case .scalar(let scalar) = key, scalar.style == .plain, scalar.string == "<<" { return true }
        return false
    }

    private static func rebuilt(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            var own: [(Node, Node)] = []
            var sources: [Node] = []
            for (key, value) in mapping {
                if isMergeKey(key) {
                    switch value {
                    case .sequence(let items): sources += items
                    default: sources.append(value)
                    }
                } else {
                    own.append((key, rebuilt(value)))
                }
            }
            guard !sources.isEmpty else { return .mapping(Node.Mapping(own, mapping.tag, mapping.style, mapping.mark)) }
            var present = Set(own.compactMap { $0.0.string })
            var pairs = own
            for case .mapping(let source) in sources.map(rebuilt) {
                for (key, value) in source where present.insert(key.string ?? "").inserted {
                    pairs.append((key, value))
                }
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(rebuilt), sequence.tag, sequence.style, sequence.mark))
        default:
            return node
        }
    }
}
