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
    /// still what the rest of the document says). Throws only where no value can be read: a wrong
    /// type, a missing required field.
    public func readGenerated<T: Decodable & DocumentWritable>(_ type: T.Type, from root: Node) throws(Failure) -> (value: T, unknownFields: [Failure]) {
        let (value, unknown) = try Self.readValue(T.self, from: root)
        return (value, unknown.map { Self.unknownField($0.path, $0.key) })
    }
}
