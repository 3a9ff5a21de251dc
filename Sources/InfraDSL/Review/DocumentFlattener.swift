/// Turns a document into `path → value` pairs for comparison: object keys joined with `.`, list
/// items keyed by their `name` when they have one (`containers[trading-engine]`), else by index.
public enum DocumentFlattener {
    /// Every leaf of `value`, with its path.
    public static func leaves(_ value: Value, skipping skipped: Set<String> = []) -> [(path: String, value: String)] {
        var result: [(String, String)] = []
        walk(value, path: "", skipped: skipped, into: &result)
        return result
    }

    private static func walk(_ value: Value, path: String, skipped: Set<String>, into result: inout [(String, String)]) {
        if skipped.contains(path) { return }
        switch value {
        case .object(let fields):
            if fields.isEmpty { result.append((path, "{}")) }
            for (key, child) in fields { walk(child, path: path.isEmpty ? key : "\(path).\(key)", skipped: skipped, into: &result) }
        case .array(let items):
            if items.isEmpty { result.append((path, "[]")) }
            for (index, item) in items.enumerated() {
                var key = "\(index)"
                if case .object(let fields) = item, case .string(let name)? = fields["name"] { key = name }
                walk(item, path: "\(path)[\(key)]", skipped: skipped, into: &result)
            }
        case .string(let string): result.append((path, string))
        case .int(let int): result.append((path, String(int)))
        case .double(let double): result.append((path, String(double)))
        case .bool(let bool): result.append((path, bool ? "true" : "false"))
        }
    }
}
