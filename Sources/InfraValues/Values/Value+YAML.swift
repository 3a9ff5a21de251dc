import Yams

extension Value {
    /// The document a parsed YAML node holds, scalars typed as YAML 1.2 resolves them (a quoted
    /// `"true"` stays a string); `nil` for null. A null mapping value is left out with its key, as
    /// the document model leaves it out.
    package init?(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return nil
            case .bool: self = node.bool.map(Value.bool) ?? .string(scalar.string)
            case .int: self = node.int.map(Value.int) ?? .string(scalar.string)
            case .float: self = node.float.map(Value.double) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .mapping(let mapping):
            self = .object(Fields(mapping.compactMap { key, value in
                Value(yaml: value).map { (key.string ?? "", $0) }
            }))
        case .sequence(let sequence):
            self = .array(sequence.compactMap { Value(yaml: $0) })
        case .alias:
            return nil
        }
    }
}
