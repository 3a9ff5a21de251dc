/// How a plain (unquoted) YAML scalar reads as a number or a boolean, as Kubernetes' YAML reader
/// (YAML 1.1) reads it: `0x1F`, `0o17`, `017` (octal), `0b101`, `1_000` and `1:30` (base 60) are
/// integers; `yes`, `on`, `true` and their opposites, in any letter case, are booleans.
enum PlainScalars {
    static func integer(_ text: String) -> Int? {
        // Most integers are short runs of decimal digits.
        if let first = text.utf8.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"), let value = Int(text) { return value }
        var body = Substring(text)
        if body.contains("_") { body = Substring(body.filter { $0 != "_" }) }
        var sign = ""
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.first != "-", body.first != "+" else { return nil }
        if body == "0" { return 0 }
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where body.hasPrefix(prefix) {
            let digits = body.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.first != "-", digits.first != "+" else { return nil }
            return Int(sign + digits, radix: radix)
        }
        if body.contains(":") {
            var value = 0
            for part in body.split(separator: ":", omittingEmptySubsequences: false) {
                guard let digit = Int(part), digit >= 0, part.first != "+" else { return nil }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
                guard !overflow else { return nil }
                value = shifted + digit
            }
            return sign == "-" ? -value : value
        }
        return Int(sign + body)
    }

    static func number(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        if let value = integer(text) { return Double(value) }
        let digits = text.contains("_") ? text.filter { $0 != "_" } : text
        // Swift's parser also takes `inf`, `nan` and hexadecimal floats, which YAML does not.
        guard digits.utf8.allSatisfy({ $0 < 0x80 && ($0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
            || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)) })
        else { return nil }
        return Double(digits)
    }

    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }
}

extension String: DocumentReadable {
    /// Any scalar's text: a string field takes `3` or `true` as written.
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        self = try reader.text(at: node, expected: "string")
    }
}

extension DocumentReader {
    /// A plain scalar read by `parse`, or a type error naming `expected`.
    func plain<T>(at node: Int, expected: String, _ parse: (String) -> T?) throws(DocumentReadError) -> T {
        let scalar = tree.nodes[node]
        guard scalar.kind == .scalar, scalar.isPlain, let value = parse(scalar.text) else {
            throw DocumentReadError(node: node, problem: .expected(expected))
        }
        return value
    }
}

extension Int: DocumentReadable {
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        self = try reader.plain(at: node, expected: "integer", PlainScalars.integer)
    }
}

extension Double: DocumentReadable {
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        self = try reader.plain(at: node, expected: "number", PlainScalars.number)
    }
}

extension Bool: DocumentReadable {
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        self = try reader.plain(at: node, expected: "boolean", PlainScalars.boolean)
    }
}

extension Array: DocumentReadable where Element: DocumentReadable {
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        let items = try reader.items(at: node)
        self = []
        reserveCapacity(items.count)
        for item in items { append(try Element(reading: &reader, at: item)) }
    }
}
