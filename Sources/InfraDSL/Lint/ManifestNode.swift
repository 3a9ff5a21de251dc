import Yams

/// A read-only view of a YAML node of a manifest being linted: typed accessors that record which
/// keys were read, so every key nobody read can be reported as unknown to the model, with its line.
final class ManifestNode {
    let node: Node
    let file: String
    let path: [String]
    private var readKeys: Set<String> = []
    private var children: [String: ManifestNode] = [:]
    private var itemNodes: [ManifestNode]?

    init(_ node: Node, file: String, path: [String]) {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Where this node is.
    var location: SourceLocation { SourceLocation(path: file, line: node.mark?.line ?? 1) }

    /// The child at `key`, marking the key as read.
    subscript(key: String) -> ManifestNode? {
        readKeys.insert(key)
        if let child = children[key] { return child }
        guard case .mapping(let mapping) = node, let value = mapping[key] else { return nil }
        let child = ManifestNode(value, file: file, path: path + [key])
        children[key] = child
        return child
    }

    var string: String? { node.scalar?.string }
    var int: Int? { node.int ?? string.flatMap { Int($0) } }
    var bool: Bool? { node.bool }

    /// The items of a sequence.
    var items: [ManifestNode] {
        if let itemNodes { return itemNodes }
        guard case .sequence(let sequence) = node else { return [] }
        let result = sequence.enumerated().map { ManifestNode($0.element, file: file, path: path + ["\($0.offset)"]) }
        itemNodes = result
        return result
    }

    /// A mapping of strings, read whole (labels, annotations, data).
    var stringMap: Labels {
        readAll()
        guard case .mapping(let mapping) = node else { return .none }
        return Labels(mapping.compactMap { key, value in key.string.map { ($0, value.string ?? "") } })
    }

    var strings: [String] { items.compactMap(\.string) }

    /// Marks every key of this mapping as read (for maps the model keeps whole).
    func readAll() {
        guard case .mapping(let mapping) = node else { return }
        for key in mapping.keys { if let key = key.string { readKeys.insert(key) } }
    }

    /// Keys present but never read, with their lines, in this node and every child read so far.
    func unreadKeys() -> [(path: String, location: SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        if case .mapping(let mapping) = node {
            for (key, _) in mapping {
                guard let name = key.string, !readKeys.contains(name) else { continue }
                result.append(((path + [name]).joined(separator: "."), SourceLocation(path: file, line: key.mark?.line ?? 1)))
            }
        }
        for key in children.keys.sorted() { result += children[key]!.unreadKeys() }
        for item in itemNodes ?? [] { result += item.unreadKeys() }
        return result
    }
}
