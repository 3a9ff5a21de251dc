/// A step into a document: an object key, the element of an array of objects whose `name` is
/// the given one (containers, env vars, ports), or an array element by position.
public enum ValuePathSegment: Hashable, Sendable, ExpressibleByStringLiteral {
    case key(String)
    case named(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
}

extension Value {
    /// This document with the value at `path` replaced, or nil when the path does not exist.
    public func replacing(at path: [ValuePathSegment], with replacement: Value) -> Value? {
        guard let head = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        switch (self, head) {
        case (.object(var fields), .key(let key)):
            guard let child = fields[key], let replaced = child.replacing(at: rest, with: replacement) else { return nil }
            fields.set(key, replaced)
            return .object(fields)
        case (.array(var items), .named(let name)):
            guard let index = items.firstIndex(where: { if case .object(let fields) = $0 { return fields["name"] == .string(name) } else { return false } }),
                let replaced = items[index].replacing(at: rest, with: replacement)
            else { return nil }
            items[index] = replaced
            return .array(items)
        case (.array(var items), .index(let index)):
            guard items.indices.contains(index), let replaced = items[index].replacing(at: rest, with: replacement) else { return nil }
            items[index] = replaced
            return .array(items)
        default:
            return nil
        }
    }
}
