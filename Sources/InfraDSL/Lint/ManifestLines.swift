import Yams

/// The YAML line of every mapping value and sequence item of one manifest document, by field path
/// (`spec/template/spec/containers/0`), so what is read from the document's generated object can be
/// placed at the line that wrote it.
struct ManifestLines: Sendable {
    let file: String
    private var lines: [String: Int] = [:]

    init(_ document: Node, file: String) {
        self.file = file
        record(document, path: "")
    }

    /// The line of `path`, else of its nearest ancestor that has one, else nil.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: "/")] { return line }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ node: Node, path: String) {
        if let line = node.mark?.line, !path.isEmpty { lines[path] = line }
        let prefix = path.isEmpty ? "" : path + "/"
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                record(value, path: prefix + name)
                // A field is where its key is (a nested block's own mark is on the next line).
                if let line = key.mark?.line { lines[prefix + name] = line }
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() { record(item, path: prefix + "\(index)") }
        default:
            break
        }
    }
}
