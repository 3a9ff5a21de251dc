import KubernetesAPI

/// The YAML line of a mapping value or sequence item of one manifest document, by field path
/// (`spec/template/spec/containers/0`), so what is read from the document's generated object can be
/// placed at the line that wrote it. A path is followed through the document when asked for (most
/// objects are asked for few lines, or none).
struct ManifestLines: Sendable {
    let file: String
    private let document: DocumentTree
    /// The object's node (a `List`'s item is a node inside its document).
    private let root: Int

    init(_ document: DocumentTree, root: Int = 0, file: String) {
        self.file = file
        self.document = document
        self.root = root
    }

    /// The line of `path`, else of its nearest ancestor that has one, else nil. A field is where its
    /// key is (a nested block starts on the next line).
    func line(of path: [String]) -> Int? {
        var node = root
        var line: Int?
        for segment in path {
            switch document.nodes[node].kind {
            case .mapping:
                guard let entry = document.entry(of: node, forKey: segment) else { return line }
                line = Int(document.nodes[entry.key].line)
                node = entry.value
            case .sequence:
                let items = document.items(of: node)
                guard let index = Int(segment), index >= 0, index < items.count else { return line }
                node = items[index]
                line = Int(document.nodes[node].line)
            case .scalar:
                return line
            }
        }
        return line
    }
}
