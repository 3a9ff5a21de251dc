import Yams

/// Renders ``Value`` documents as YAML: libyaml's (Yams') output, byte for byte. Key order is the
/// document's order; every string comes back as the same string (see ``YAMLScalarStyle``); no line
/// is folded. Documents ``BlockYAMLWriter`` covers (all of ours) are written by it directly, several
/// times faster than building a Yams node tree; the rest go through libyaml.
public enum YAMLRenderer {
    /// One document as YAML text, ending in a newline.
    public static func render(_ value: Value) throws -> String {
        if let text = BlockYAMLWriter.render(value) { return text }
        return try renderWithLibyaml(value)
    }

    /// One document through libyaml: the reference ``BlockYAMLWriter`` is held to.
    public static func renderWithLibyaml(_ value: Value) throws -> String {
        try Yams.serialize(node: node(for: value), width: -1, allowUnicode: true)
    }

    /// Several documents as one stream separated by `---`.
    public static func renderStream(_ values: [Value]) throws -> String {
        try Yams.serialize(nodes: values.map(node(for:)), width: -1, allowUnicode: true)
    }

    // Tags made once: each `Tag(...)` builds Yams' default constructor table, which dominated the
    // cost of rendering. Explicit tags are never mutated, so sharing them is safe.
    nonisolated(unsafe) private static let strTag = Tag(.str)
    nonisolated(unsafe) private static let intTag = Tag(.int)
    nonisolated(unsafe) private static let floatTag = Tag(.float)
    nonisolated(unsafe) private static let boolTag = Tag(.bool)
    nonisolated(unsafe) private static let seqTag = Tag(.seq)
    nonisolated(unsafe) private static let mapTag = Tag(.map)

    static func node(for value: Value) -> Node {
        switch value {
        case .string(let string):
            return .scalar(Node.Scalar(string, strTag, YAMLScalarStyle.style(for: string)))
        case .int(let int):
            return .scalar(Node.Scalar(String(int), intTag, .plain))
        case .double(let double):
            return .scalar(Node.Scalar(JSONNumber.text(double), floatTag, .plain))
        case .bool(let bool):
            return .scalar(Node.Scalar(bool ? "true" : "false", boolTag, .plain))
        case .array(let items):
            return .sequence(Node.Sequence(items.map(node(for:)), seqTag, .block))
        case .object(let fields):
            let pairs = fields.map { (Node.scalar(keyScalar($0.key)), node(for: $0.value)) }
            return .mapping(Node.Mapping(pairs, mapTag, .block))
        }
    }

    private static func keyScalar(_ key: String) -> Node.Scalar {
        let style: Node.Scalar.Style = YAMLScalarStyle.isSafePlain(key) ? .plain : .doubleQuoted
        return Node.Scalar(key, strTag, style)
    }
}
