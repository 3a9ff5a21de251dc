/// The canonical JSON form of a document: keys sorted by their UTF-8 bytes, no white space, and the
/// escaping of Go's `encoding/json` (`<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes). Helm's
/// `toJson` produces exactly this for the same data, so a fingerprint over it is the same whether
/// `gen` or a Helm template computes it.
public enum CanonicalJSON {
    /// The canonical text of `value`.
    public static func render(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Value, into out: inout String) {
        switch value {
        case .string(let string): writeString(string, into: &out)
        case .int(let int): out += String(int)
        case .double(let double): out += JSONNumber.text(double).replacingSuffix(".0")
        case .bool(let bool): out += bool ? "true" : "false"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            let sorted = fields.entries.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            for (index, entry) in sorted.enumerated() {
                if index > 0 { out += "," }
                writeString(entry.key, into: &out)
                out += ":"
                write(entry.value, into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ string: String, into out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            case _ where scalar.value < 0x20:
                out += unicodeEscape(scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

/// How both JSON writers spell a double.
package enum JSONNumber {
    /// A finite double in its shortest round-tripping form; non-finite values (which JSON cannot
    /// hold) become `null`.
    package static func text(_ double: Double) -> String {
        guard double.isFinite else { return "null" }
        if double == double.rounded(), abs(double) < 1e15 { return "\(Int(double)).0" }
        return "\(double)"
    }
}
