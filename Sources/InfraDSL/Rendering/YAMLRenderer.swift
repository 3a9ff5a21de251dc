import Yams

/// Renders ``Value`` documents as YAML through libyaml (Yams). Key order is the document's order;
/// every string comes back as the same string (see ``YAMLScalarStyle``); no line is folded.
public enum YAMLRenderer {
    /// One document as YAML text, ending in a newline.
    public static func render(_ value: Value) throws -> String {
        try Yams.serialize(node: node(for: value), width: -1, allowUnicode: true)
    }

    /// Several documents as one stream separated by `---`.
    public static func renderStream(_ values: [Value]) throws -> String {
        try Yams.serialize(nodes: values.map(node(for:)), width: -1, allowUnicode: true)
    }

    static func node(for value: Value) -> Node {
        switch value {
        case .string(let string):
            return .scalar(Node.Scalar(string, Tag(.str), YAMLScalarStyle.style(for: string)))
        case .int(let int):
            return .scalar(Node.Scalar(String(int), Tag(.int), .plain))
        case .double(let double):
            return .scalar(Node.Scalar(JSONRenderer.number(double), Tag(.float), .plain))
        case .bool(let bool):
            return .scalar(Node.Scalar(bool ? "true" : "false", Tag(.bool), .plain))
        case .array(let items):
            return .sequence(Node.Sequence(items.map(node(for:)), Tag(.seq), .block))
        case .object(let fields):
            let pairs = fields.map { (Node.scalar(keyScalar($0.key)), node(for: $0.value)) }
            return .mapping(Node.Mapping(pairs, Tag(.map), .block))
        }
    }

    private static func keyScalar(_ key: String) -> Node.Scalar {
        let style: Node.Scalar.Style = YAMLScalarStyle.isSafePlain(key) ? .plain : .doubleQuoted
        return Node.Scalar(key, Tag(.str), style)
    }
}
