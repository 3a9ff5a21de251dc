import KubernetesAPI
import Yams

/// Strict decoding of generated Kubernetes types: the fields a type knows are the ones it writes
/// back as document events.
extension StrictYAMLDecoder {
    /// A generated Kubernetes type decoded from YAML text, under the same rules.
    public func decodeGenerated<T: Decodable & DocumentWritable>(_ type: T.Type, from yaml: String) throws(Failure) -> T {
        try decodeGenerated(T.self, from: Self.compose(yaml))
    }

    /// A generated Kubernetes type (or any type that writes itself as document events) decoded from
    /// one parsed node under the same rules: the fields it knows are the ones it writes back.
    public func decodeGenerated<T: Decodable & DocumentWritable>(_ type: T.Type, from root: Node) throws(Failure) -> T {
        try decode(T.self, from: root) { value in Value(generated: value) }
    }

    /// A generated type read as far as its schema allows (`gen lint`): the value, with every field of
    /// `root` the type does not have as a failure of its own (each an error to report; the value is
    /// still what the rest of the document says), and the values the schema does not allow where they
    /// stand (``APIObjectValidation/problem(in:)``), found as they are read. Throws only where no
    /// value can be read: a wrong type, a missing required field.
    func readGenerated<T: Decodable & DocumentWritable>(
        _ type: T.Type, from root: Node
    ) throws(Failure) -> (value: T, unknownFields: [Failure], problems: [APIObjectValidation.ValueProblem]) {
        let found = ProblemList()
        let (value, unknown) = try Self.readValue(T.self, from: root) { value, path in
            if let (check, message) = APIObjectValidation.problem(in: value) {
                found.problems.append(.init(path: path.map(\.stringValue), check: check, message: message))
            }
        }
        return (value, unknown.map { Self.unknownField($0.path, $0.key) }, found.outermost)
    }
}

/// The problems of one read, inner values first; a free-form value's null item is reported once, at
/// the outermost free-form value that holds it.
private final class ProblemList {
    var problems: [APIObjectValidation.ValueProblem] = []

    var outermost: [APIObjectValidation.ValueProblem] {
        problems.filter { problem in
            !problems.contains { other in
                other.check == problem.check && other.message == problem.message
                    && other.path.count < problem.path.count && Array(problem.path.prefix(other.path.count)) == other.path
            }
        }
    }
}
