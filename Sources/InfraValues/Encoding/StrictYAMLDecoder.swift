import Yams

/// Decodes a YAML document into a `Codable` type strictly: unknown keys are errors (a misspelt
/// setting must not be silently ignored), and every error names the line and the dotted field path.
public struct StrictYAMLDecoder: Sendable {
    /// A document that could not be decoded.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The 1-based line of the offending node, when known.
        public let line: Int?
        /// The dotted path of the field, such as `database.pool_size`.
        public let field: String
        /// What is wrong.
        public let message: String

        package init(line: Int?, field: String, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }

        public var description: String {
            let place = line.map { "line \($0)" } ?? "document"
            return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
        }
    }

    /// A decoder.
    public init() {}

    /// The decoded value, or a ``Failure`` naming the line and field at fault. Values conforming to
    /// ``ValueConstraints`` are also checked against their rules.
    public func decode<T: Codable>(_ type: T.Type, from yaml: String) throws(Failure) -> T {
        try decode(T.self, from: Self.compose(yaml))
    }

    /// The one document of `yaml`, or a ``Failure`` naming the line of the malformation.
    package static func compose(_ yaml: String) throws(Failure) -> Node {
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw Failure(line: nil, field: "", message: "the document is empty")
            }
            return node
        } catch let failure as Failure {
            throw failure
        } catch {
            throw malformed(error, in: yaml)
        }
    }

    /// What libyaml (through Yams) said about malformed `yaml`, as one short line at the line at
    /// fault: the problem and its column, without the copy of the offending line Yams adds (a
    /// minified file's line can be 40,000 characters).
    package static func malformed(_ error: any Error, in yaml: String) -> Failure {
        switch error {
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark.line
            let repeated = Self.repeatedKeyLine(key, after: context.mark, in: yaml)
            return Failure(line: repeated ?? first, field: "", message: "malformed YAML: duplicate key '\(MessageText.quoted(key))' (first at line \(first))")
        case let error as YamlError:
            return Failure(line: Self.line(of: error), field: "", message: "malformed YAML: \(Self.problem(of: error))")
        default:
            return Failure(line: nil, field: "", message: "malformed YAML: \(MessageText.cut("\(error)"))")
        }
    }

    /// The decoded value of one already-parsed YAML node (a document of a multi-document stream),
    /// under the same rules; lines are those of the node's own file.
    public func decode<T: Codable>(_ type: T.Type, from root: Node) throws(Failure) -> T {
        try decode(T.self, from: root) { value in try ValueEncoder().encode(value) }
    }

    /// Decodes, then rejects the first key of `root` that the decoded value does not hold (`known`
    /// rebuilds the value's own document), then checks ``ValueConstraints``.
    package func decode<T: Decodable>(_ type: T.Type, from root: Node, known document: (T) throws -> Value) throws(Failure) -> T {
        let value = try Self.lenientValue(T.self, from: root)
        let known: Value
        do {
            known = try document(value)
        } catch {
            throw Failure(line: nil, field: "", message: "\(error)")
        }
        var unknown: [([String], Node)] = []
        Self.collectUnknownKeys(in: root, known: known, path: [], into: &unknown, stopAtFirst: true)
        if let (path, node) = unknown.first { throw Self.unknownField(path, node) }
        if let constrained = value as? any ValueConstraints, let violation = constrained.constraintViolations().first {
            let names = violation.field.split(separator: ".").map(String.init)
            throw Failure(line: Self.line(at: names, in: root), field: violation.field, message: violation.message)
        }
        return value
    }

    /// The value `YAMLDecoder` reads, which ignores keys the type does not have.
    package static func lenientValue<T: Decodable>(_ type: T.Type, from root: Node) throws(Failure) -> T {
        do {
            // The encoding given: its default reads the process environment on every decoder made,
            // which was an eighth of linting.
            return try YAMLDecoder(encoding: .utf8).decode(T.self, from: root)
        } catch let error as DecodingError {
            throw failure(for: error, in: root)
        } catch {
            throw Failure(line: nil, field: "", message: "\(error)")
        }
    }

    package static func unknownField(_ path: [String], _ key: Node) -> Failure {
        Failure(line: key.mark.map { $0.line }, field: path.joined(separator: "."), message: "unknown field")
    }

    /// The keys of `node` (and below) that `known`, the decoded value's document, does not hold, in
    /// document order. A key set to null is absent either way.
    package static func collectUnknownKeys(
        in node: Node, known: Value, path: [String], into found: inout [([String], Node)], stopAtFirst: Bool = false
    ) {
        switch (node, known) {
        case (.mapping(let mapping), .object(let fields)):
            for (keyNode, child) in mapping {
                if stopAtFirst && !found.isEmpty { return }
                guard let key = keyNode.string else { continue }
                guard let knownChild = fields[key] else {
                    if case .scalar(let scalar) = child, scalar.string == "null" || scalar.string == "~" { continue }
                    found.append((path + [key], keyNode))
                    continue
                }
                collectUnknownKeys(in: child, known: knownChild, path: path + [key], into: &found, stopAtFirst: stopAtFirst)
            }
        case (.sequence(let sequence), .array(let items)):
            for (index, child) in sequence.enumerated() where index < items.count {
                if stopAtFirst && !found.isEmpty { return }
                collectUnknownKeys(in: child, known: items[index], path: path + ["\(index)"], into: &found, stopAtFirst: stopAtFirst)
            }
        default:
            break
        }
    }

    private static func failure(for error: DecodingError, in root: Node) -> Failure {
        let (path, message): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let context): (context.codingPath, mismatch(expected: type, at: context.codingPath, in: root))
        case .valueNotFound(let type, let context): (context.codingPath, "missing value of type \(type)")
        case .keyNotFound(let key, let context): (context.codingPath + [key], "missing required field")
        case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return Failure(line: line(at: names, in: root), field: names.joined(separator: "."), message: message)
    }

    /// `expected integer, found "lots"`: the type wanted, in the schema's words, and what the file holds.
    private static func mismatch(expected type: Any.Type, at path: [any CodingKey], in root: Node) -> String {
        let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        let node = deepest(along: names, in: root).node
        let found = switch node {
        case .scalar(let scalar)?: "\"\(MessageText.quoted(scalar.string))\""
        case .mapping?: "a mapping"
        case .sequence?: "a sequence"
        default: "another type"
        }
        return "expected \(schemaName(of: type)), found \(found)"
    }

    /// The JSON-schema word for a Swift type a decoder asked for.
    private static func schemaName(of type: Any.Type) -> String {
        let name = "\(type)"
        switch name {
        case "Int", "Int32", "Int64", "UInt", "UInt16", "UInt32", "UInt64": return "integer"
        case "Double", "Float": return "number"
        case "Bool": return "boolean"
        case "String": return "string"
        // Yams names its own node type when a collection stands where any scalar belongs.
        case "Scalar": return "a single value"
        default:
            if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "a mapping" }
            if name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer") { return "a sequence" }
            return name
        }
    }

    /// The line of the deepest node on `path` that exists.
    private static func line(at path: [String], in root: Node) -> Int? {
        deepest(along: path, in: root).line
    }

    /// Follows `path` (keys, and indexes into sequences) from `root`: the node at its end (`nil` if
    /// the path leaves the document) and the line of the deepest node that exists on it.
    private static func deepest(along path: [String], in root: Node) -> (node: Node?, line: Int?) {
        var node = root
        var line = root.mark?.line
        for segment in path {
            if case .mapping(let mapping) = node, let pair = mapping.first(where: { $0.key.string == segment }) {
                line = pair.key.mark?.line ?? line
                node = pair.value
            } else if case .sequence(let sequence) = node, let index = Int(segment), index < sequence.count {
                node = sequence[index]
                line = node.mark?.line ?? line
            } else {
                return (nil, line)
            }
        }
        return (node, line)
    }

    /// libyaml's problem and context on one line, without the excerpt Yams appends.
    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let within = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return "\(problem) at column \(mark.column)\(within)"
        case .reader(let problem, let offset, _, _):
            return problem + (offset.map { " at byte \($0)" } ?? "")
        default:
            // The remaining cases carry no copy of the document, only a problem on one line.
            return MessageText.cut("\(error)".split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }

    /// The line where `key` appears again at the same indentation as its first occurrence at `mark`
    /// (the parser reports only the first).
    private static func repeatedKeyLine(_ key: String, after mark: Mark, in yaml: String) -> Int? {
        let indentation = String(repeating: " ", count: max(mark.column - 1, 0))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            guard line.hasPrefix(indentation) else { continue }
            let rest = line.dropFirst(indentation.count)
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") { return index + 1 }
        }
        return nil
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}
