import InfraValues
import KubernetesAPI

/// Strict reading of generated Kubernetes types, which read themselves from a ``DocumentTree``
/// (``DocumentReadable``): a field the type does not have, a wrong type and a missing required field
/// are failures at their lines.
extension StrictYAMLDecoder {
    /// A generated Kubernetes type read from YAML text holding one document.
    public func decodeGenerated<T: DocumentReadable>(_ type: T.Type, from yaml: String) throws(Failure) -> T {
        try decodeGenerated(T.self, from: YAMLDocuments.single(yaml))
    }

    /// A generated Kubernetes type read from one parsed document, under the same rules.
    public func decodeGenerated<T: DocumentReadable>(_ type: T.Type, from document: DocumentTree) throws(Failure) -> T {
        let (value, unknownFields, _) = try readGenerated(T.self, from: document, at: 0)
        if let first = unknownFields.first { throw first }
        return value
    }

    /// A generated type read as far as its schema allows (`gen lint`): the value, with every field of
    /// the document the type does not have as a failure of its own (each an error to report; the
    /// value is still what the rest of the document says), and the values the schema does not allow
    /// where they stand (``APIObjectValidation/problem(in:)``). Throws only where no value can be
    /// read: a wrong type, a missing required field.
    func readGenerated<T: DocumentReadable>(
        _ type: T.Type, from document: DocumentTree, at root: Int
    ) throws(Failure) -> (value: T, unknownFields: [Failure], problems: [APIObjectValidation.ValueProblem]) {
        var reader = DocumentReader(document)
        let value: T
        do {
            value = try T(reading: &reader, at: root)
        } catch {
            throw Self.failure(error, in: document, below: root)
        }
        let unknown = reader.unknownKeys.sorted().map { key in
            let line = Int(document.nodes[key].line)
            guard document.nodes[key].kind == .scalar else {
                let mapping = Int(document.nodes[key].parent)
                let field = document.path(of: mapping, below: root).joined(separator: ".")
                return Failure(line: line, field: field, message: "a key that is not text (a mapping or a list) names no field")
            }
            return Failure(line: line, field: document.path(of: key, below: root).joined(separator: "."), message: "unknown field")
        }
        var problems: [APIObjectValidation.ValueProblem] = []
        for note in reader.notes {
            if let (check, message) = APIObjectValidation.problem(in: note.value) {
                problems.append(.init(path: document.path(of: note.node, below: root), check: check, message: message))
            }
        }
        return (value, unknown, problems)
    }

    /// A read error as a failure: the field's dotted path, the line of its key, and the type wanted
    /// against what the document holds (`expected integer, found "lots"`).
    private static func failure(_ error: DocumentReadError, in document: DocumentTree, below root: Int) -> Failure {
        var path = document.path(of: error.node, below: root)
        let line = document.line(of: error.node)
        switch error.problem {
        case .missingField(let field):
            path.append(field)
            return Failure(line: line, field: path.joined(separator: "."), message: "missing required field")
        case .expected(let type):
            let node = document.nodes[error.node]
            let found = switch node.kind {
            case .scalar: "\"\(MessageText.quoted(node.text))\""
            case .mapping: "a mapping"
            case .sequence: "a sequence"
            }
            return Failure(line: line, field: path.joined(separator: "."), message: "expected \(type), found \(found)")
        }
    }
}
