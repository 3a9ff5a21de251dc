/// Renders ``Value`` documents as JSON with the document's key order, two-space indentation and
/// RFC 8259 escaping. Deterministic: the same document always gives the same bytes.
public enum JSONRenderer {
    /// One document as pretty-printed JSON, ending in a newline.
    public static func render(_ value: Value) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    private static func write(_ value: Value, indent: Int, into out: inout String) {
        switch value {
        case .string(let string): writeString(string, into: &out)
        case .int(let int): out.append(String(int))
        case .double(let double): out.append(JSONNumber.text(double))
        case .bool(let bool): out.append(bool ? "true" : "false")
        case .array(let items):
            guard !items.isEmpty else { return out.append("[]") }
            out.append("[\n")
            for (index, item) in items.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                write(item, indent: indent + 1, into: &out)
                out.append(index == items.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: "  ", count: indent) + "]")
        case .object(let fields):
            guard !fields.isEmpty else { return out.append("{}") }
            out.append("{\n")
            for (index, entry) in fields.entries.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                writeString(entry.key, into: &out)
                out.append(": ")
                write(entry.value, indent: indent + 1, into: &out)
                out.append(index == fields.entries.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: "  ", count: indent) + "}")
        }
    }

    private static func writeString(_ string: String, into out: inout String) {
        out.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
