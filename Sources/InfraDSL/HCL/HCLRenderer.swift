/// Renders HCL deterministically in `terraform fmt` style (the test command holds it against
/// `terraform fmt -check` where a `terraform` binary is installed): two-space indentation, the `=`
/// of each run of consecutive single-line attributes aligned, one blank line kept where the body
/// has one. Strings are
/// escaped so they come back unchanged: quotes, backslashes, control characters, and the template
/// sequences `${` and `%{` (written `\u0024{` and `\u0025{`). Multi-line text ending in a newline,
/// without template sequences, becomes a heredoc.
public enum HCLRenderer {
    /// A whole file.
    public static func render(_ items: [HCLBodyItem]) -> String {
        var out = ""
        write(items, indent: 0, into: &out)
        return out
    }

    private static func write(_ items: [HCLBodyItem], indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        var index = 0
        while index < items.count {
            switch items[index] {
            case .attribute(let first):
                // A run of single-line attributes aligns its `=`. Like `terraform fmt`, an attribute
                // whose value spans lines takes no part in alignment: it ends the run before it and
                // is written `name = {` on its own.
                let firstValue = value(first.value, indent: indent)
                if firstValue.contains("\n") {
                    out += pad + key(first.name) + " = " + firstValue + "\n"
                    index += 1
                    continue
                }
                var run: [(name: String, value: String)] = []
                while index < items.count, case .attribute(let attribute) = items[index] {
                    let text = value(attribute.value, indent: indent)
                    if text.contains("\n") { break }
                    run.append((key(attribute.name), text))
                    index += 1
                }
                let width = run.map(\.name.count).max() ?? 0
                for attribute in run {
                    out += pad + attribute.name + String(repeating: " ", count: width - attribute.name.count) + " = " + attribute.value + "\n"
                }
                continue
            case .block(let block):
                out += pad + block.type
                for label in block.labels { out += " " + quoted(label) }
                if block.body.isEmpty {
                    out += " {}\n"
                } else {
                    out += " {\n"
                    write(block.body, indent: indent + 1, into: &out)
                    out += pad + "}\n"
                }
            case .comment(let text):
                out += pad + (text.isEmpty ? "#" : "# " + text) + "\n"
            case .blankLine:
                out += "\n"
            }
            index += 1
        }
    }

    static func value(_ value: HCLValue, indent: Int) -> String {
        switch value {
        case .string(let string): return stringLiteral(string)
        case .number(let number): return String(number)
        case .bool(let bool): return bool ? "true" : "false"
        case .null: return "null"
        case .expression(let expression): return expression
        case .list(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(isScalar) {
                return "[" + items.map { self.value($0, indent: indent) }.joined(separator: ", ") + "]"
            }
            let pad = String(repeating: "  ", count: indent + 1)
            return "[\n" + items.map { pad + self.value($0, indent: indent + 1) + ",\n" }.joined() + String(repeating: "  ", count: indent) + "]"
        case .object(let attributes):
            if attributes.isEmpty { return "{}" }
            var out = "{\n"
            write(attributes.map(HCLBodyItem.attribute), indent: indent + 1, into: &out)
            return out + String(repeating: "  ", count: indent) + "}"
        }
    }

    private static func isScalar(_ value: HCLValue) -> Bool {
        switch value {
        case .string(let string): return !isHeredoc(string)
        case .number, .bool, .null, .expression: return true
        case .list, .object: return false
        }
    }

    /// An attribute or object key: bare when it is an identifier, quoted otherwise.
    static func key(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, isIdentifierStart(first),
            name.unicodeScalars.allSatisfy({ isIdentifierStart($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return quoted(name) }
        return name
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isHeredoc(_ string: String) -> Bool {
        string.hasSuffix("\n") && string.dropLast().contains("\n")
            && !string.split(separator: "\n", omittingEmptySubsequences: false).contains { $0 == "EOT" }
            && string.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || $0.value >= 0x20 && $0.value != 0x7F }
            && !string.unicodeScalars.contains("\r")
            && !string.contains("${") && !string.contains("%{")
    }

    private static func stringLiteral(_ string: String) -> String {
        // A heredoc keeps its text as written; text with template sequences is quoted instead.
        isHeredoc(string) ? "<<EOT\n" + string + "EOT" : quoted(string)
    }

    /// A quoted string with every escape HCL needs.
    static func quoted(_ string: String) -> String {
        var out = "\""
        var scalars = Array(string.unicodeScalars)[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Template sequences as unicode escapes, which every reader takes literally. (`$${` is
            // the other spelling HCL defines, but python-hcl2 misreads it before a quote.)
            case "$" where scalars.first == "{": out += "\\u0024"
            case "%" where scalars.first == "{": out += "\\u0025"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

}
