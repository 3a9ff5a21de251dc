import Yams

/// The YAML line of a mapping value or sequence item of one manifest document, by field path
/// (`spec/template/spec/containers/0`), so what is read from the document's generated object can be
/// placed at the line that wrote it. A path is followed through the document when asked for (most
/// objects are asked for few lines, or none).
struct ManifestLines: Sendable {
    let file: String
    /// Read only for keys' text and marks, which parsing set and nothing changes (a Yams node is
    /// not `Sendable` because its tags resolve lazily; no tag is read here).
    nonisolated(unsafe) private let document: Node

    init(_ document: Node, file: String) {
        self.file = file
        self.document = document
    }

    /// The line of `path`, else of its nearest ancestor that has one, else nil. A field is where its
    /// key is (a nested block's own mark is on the next line); of a repeated key, the last.
    func line(of path: [String]) -> Int? {
        var node = document
        var line: Int?
        for segment in path {
            switch node {
            case .mapping(let mapping):
                guard let pair = mapping.lastPair(keyed: segment) else { return line }
                line = pair.key.mark?.line ?? pair.value.mark?.line ?? line
                node = pair.value
            case .sequence(let sequence):
                guard let index = Int(segment), index >= 0, index < sequence.count else { return line }
                node = sequence[index]
                line = node.mark?.line ?? line
            default:
                return line
            }
        }
        return line
    }
}
