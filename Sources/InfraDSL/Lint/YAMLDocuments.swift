import CYaml
import InfraValues
import KubernetesAPI

/// Parses a YAML stream into ``DocumentTree``s straight from libyaml's events (the C parser Yams
/// wraps), without building Yams' node tree: `gen lint` reads many small objects, and composing
/// that tree (a tag object per node, a hashed duplicate-key check per mapping) was over a quarter
/// of its time. Duplicate keys, undefined aliases and too-deep nesting are errors at their lines;
/// aliases are expanded (up to ``maximumNodes`` nodes per document).
enum YAMLDocuments {
    /// The most nodes one document may hold once its aliases are expanded: a bound on what a few
    /// nested aliases can multiply a small file into.
    static let maximumNodes = 1_000_000

    /// The documents of `yaml`, and the failure that ended the stream early, if any (the documents
    /// before it are kept).
    static func parse(_ yaml: String) -> (documents: [DocumentTree], failure: StrictYAMLDecoder.Failure?) {
        var text = yaml
        return text.withUTF8 { bytes in
            var builder = Builder()
            let failure = builder.run(bytes)
            return (builder.documents, failure)
        }
    }

    /// The one document of `yaml`; none or several is a failure.
    static func single(_ yaml: String) throws(StrictYAMLDecoder.Failure) -> DocumentTree {
        let (documents, failure) = parse(yaml)
        if let failure { throw failure }
        guard documents.count == 1 else {
            throw StrictYAMLDecoder.Failure(line: nil, field: "", message: documents.isEmpty ? "the document is empty" : "expected one document, found \(documents.count)")
        }
        return documents[0]
    }

    private struct Builder {
        var documents: [DocumentTree] = []
        var nodes: [DocumentTree.Node] = []
        /// The collections open around the next node.
        var open: [Int] = []
        /// Anchored nodes by name.
        var anchors: [String: Int] = [:]

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> StrictYAMLDecoder.Failure? {
            guard !bytes.isEmpty else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return Self.failure(nil, "libyaml could not start") }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return Self.failure(of: parser) }
                defer { yaml_event_delete(&event) }
                let line = Int32(event.start_mark.line + 1)
                let column = Int32(event.start_mark.column + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_END_EVENT:
                    documents.append(DocumentTree(nodes: nodes))
                    nodes.removeAll(keepingCapacity: true)
                    anchors.removeAll(keepingCapacity: true)
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && !Self.isStringTag(scalar.tag)
                    if let failure = add(.scalar, isPlain: isPlain, text: text, line, column, anchor: scalar.anchor) { return failure }
                case YAML_SEQUENCE_START_EVENT:
                    if let failure = add(.sequence, isPlain: false, text: "", line, column, anchor: event.data.sequence_start.anchor) { return failure }
                case YAML_MAPPING_START_EVENT:
                    if let failure = add(.mapping, isPlain: false, text: "", line, column, anchor: event.data.mapping_start.anchor) { return failure }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let collection = open.removeLast()
                    nodes[collection].end = Int32(nodes.count)
                    if nodes[collection].kind == .mapping, let failure = duplicateKey(in: collection) { return failure }
                case YAML_ALIAS_EVENT:
                    let name = String(cString: event.data.alias.anchor)
                    if let failure = copyAnchored(name, line) { return failure }
                default:
                    break  // stream and document starts
                }
            }
        }

        /// Appends a node inside the innermost open collection; a collection stays open until its end.
        private mutating func add(
            _ kind: DocumentTree.Node.Kind, isPlain: Bool, text: String, _ line: Int32, _ column: Int32, anchor: UnsafeMutablePointer<UInt8>?
        ) -> StrictYAMLDecoder.Failure? {
            guard nodes.count < YAMLDocuments.maximumNodes else { return tooMany(line) }
            let index = nodes.count
            let parent = open.last ?? -1
            if parent >= 0 { nodes[parent].count += 1 }
            nodes.append(DocumentTree.Node(kind: kind, isPlain: isPlain, line: line, column: column, parent: Int32(parent), end: Int32(index + 1), count: 0, text: text))
            if kind != .scalar { open.append(index) }
            if let anchor { anchors[String(cString: anchor)] = index }
            return nil
        }

        /// Appends a copy of the anchored node `name` (with what is inside it) where the alias stands.
        private mutating func copyAnchored(_ name: String, _ line: Int32) -> StrictYAMLDecoder.Failure? {
            guard let source = anchors[name] else { return Self.failure(Int(line), "found undefined alias '\(MessageText.quoted(name))'") }
            let sourceEnd = Int(nodes[source].end)
            guard !open.contains(source) else { return Self.failure(Int(line), "the alias '\(MessageText.quoted(name))' stands inside the node it names") }
            guard nodes.count + (sourceEnd - source) <= YAMLDocuments.maximumNodes else { return tooMany(line) }
            let parent = open.last ?? -1
            if parent >= 0 { nodes[parent].count += 1 }
            let offset = Int32(nodes.count - source)
            for index in source..<sourceEnd {
                var copy = nodes[index]
                copy.parent = index == source ? Int32(parent) : copy.parent + offset
                copy.end += offset
                nodes.append(copy)
            }
            return nil
        }

        /// A key given twice in one mapping: an error at the repeated key's line.
        private func duplicateKey(in mapping: Int) -> StrictYAMLDecoder.Failure? {
            let keys = DocumentTree.entries(of: mapping, in: nodes).map(\.key).filter { nodes[$0].kind == .scalar }
            guard keys.count > 1 else { return nil }
            if keys.count <= 16 {
                for later in 1..<keys.count {
                    for earlier in 0..<later where nodes[keys[earlier]].text == nodes[keys[later]].text {
                        return repeated(keys[earlier], keys[later])
                    }
                }
                return nil
            }
            var seen: [String: Int] = [:]
            for key in keys {
                if let first = seen.updateValue(key, forKey: nodes[key].text) { return repeated(first, key) }
            }
            return nil
        }

        private func repeated(_ first: Int, _ again: Int) -> StrictYAMLDecoder.Failure {
            Self.failure(Int(nodes[again].line), "duplicate key '\(MessageText.quoted(nodes[again].text))' (first at line \(nodes[first].line))")
        }

        private func tooMany(_ line: Int32) -> StrictYAMLDecoder.Failure {
            Self.failure(Int(line), "the document holds more than \(YAMLDocuments.maximumNodes) nodes once its aliases are expanded")
        }

        private static func isStringTag(_ tag: UnsafeMutablePointer<UInt8>?) -> Bool {
            guard let tag else { return false }
            let name = String(cString: tag)
            return name == "tag:yaml.org,2002:str" || name == "!"
        }

        private static func failure(_ line: Int?, _ problem: String) -> StrictYAMLDecoder.Failure {
            StrictYAMLDecoder.Failure(line: line, field: "", message: "malformed YAML: \(problem)")
        }

        /// libyaml's problem, its column and its context on one line, at the problem's line.
        private static func failure(of parser: yaml_parser_t) -> StrictYAMLDecoder.Failure {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_READER_ERROR:
                return failure(nil, "\(problem) at byte \(parser.problem_offset)")
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
                let within = parser.context.map { " (\(String(cString: $0)) at line \(parser.context_mark.line + 1))" } ?? ""
                return failure(Int(parser.problem_mark.line + 1), "\(problem) at column \(parser.problem_mark.column + 1)\(within)")
            default:
                return failure(nil, MessageText.cut(problem))
            }
        }
    }
}
