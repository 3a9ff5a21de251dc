import KubernetesAPI

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

    static func expanded(_ document: DocumentTree) -> DocumentTree {
        // Most documents have none: then the document is kept as it is, not rebuilt.
        guard document.nodes.indices.contains(where: { isMergeKey($0, in: document) }) else { return document }
        var nodes: [DocumentTree.Node] = []
        nodes.reserveCapacity(document.nodes.count)
        copy(0, parent: -1, from: document, into: &nodes)
        return DocumentTree(nodes: nodes)
    }

    /// Whether the node is a plain `<<` key of a mapping.
    private static func isMergeKey(_ index: Int, in document: DocumentTree) -> Bool {
        let node = document.nodes[index]
        guard node.kind == .scalar, node.isPlain, node.text == "<<", node.parent >= 0 else { return false }
        return document.entries(of: Int(node.parent)).contains { $0.key == index }
    }

    /// A mapping's entries with its merge keys applied: its own, then those of the merged mappings
    /// that it does not set, the earlier merged mapping winning.
    private static func entries(of mapping: Int, in document: DocumentTree) -> [(key: Int, value: Int)] {
        var own: [(key: Int, value: Int)] = []
        var sources: [Int] = []
        for entry in document.entries(of: mapping) {
            guard isMergeKey(entry.key, in: document) else { own.append(entry); continue }
            switch document.nodes[entry.value].kind {
            case .sequence: sources += document.items(of: entry.value)
            default: sources.append(entry.value)
            }
        }
        guard !sources.isEmpty else { return own }
        var present = Set(own.map { document.nodes[$0.key].text })
        var merged = own
        for source in sources where document.nodes[source].kind == .mapping {
            for entry in entries(of: source, in: document) where present.insert(document.nodes[entry.key].text).inserted {
                merged.append(entry)
            }
        }
        return merged
    }

    /// Appends the node at `index` of `document` and what is inside it, merge keys applied.
    private static func copy(_ index: Int, parent: Int32, from document: DocumentTree, into nodes: inout [DocumentTree.Node]) {
        let start = nodes.count
        var node = document.nodes[index]
        node.parent = parent
        nodes.append(node)
        switch node.kind {
        case .scalar:
            break
        case .sequence:
            for item in document.items(of: index) { copy(item, parent: Int32(start), from: document, into: &nodes) }
        case .mapping:
            let entries = entries(of: index, in: document)
            nodes[start].count = Int32(entries.count)
            for entry in entries {
                copy(entry.key, parent: Int32(start), from: document, into: &nodes)
                copy(entry.value, parent: Int32(start), from: document, into: &nodes)
            }
        }
        nodes[start].end = Int32(nodes.count)
    }
}
