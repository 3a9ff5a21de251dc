/// Writes a ``Value`` document as block YAML directly, byte for byte what libyaml emits for the
/// same document with ``YAMLRenderer``'s settings (block collections, indentless sequences in
/// mappings, two-space indent, no folding, unicode allowed, ``YAMLScalarStyle``'s choices), without
/// building a Yams node tree. It covers what our documents hold and declines (returns `nil`) the
/// rest: ``YAMLRenderer`` then asks libyaml. The tests hold its output against libyaml's for every
/// rendered environment and for the adversarial strings as keys and values.
enum BlockYAMLWriter {
    /// The document's text, or `nil` when some part of it is outside what this writer reproduces.
    static func render(_ value: Value) -> String? {
        guard case .object = value else { return nil }
        var writer = Writer()
        defer { writer.out.deallocate() }
        guard writer.writeNode(value, indent: 0, context: .root) else { return nil }
        return writer.out.string
    }

    private enum Context {
        case root
        /// The value of a mapping key whose key starts at `indent`.
        case mappingValue
        /// An item of a sequence whose `- ` sits at `indent`.
        case sequenceItem
    }

    private struct Writer {
        /// UTF-8 bytes: appending to a byte buffer is several times cheaper than to a `String`.
        var out = ByteBuffer(capacity: 2048)

        /// Appends fixed text (indicators, escapes, line breaks) straight from its bytes.
        mutating func emit(_ text: StaticString) {
            text.withUTF8Buffer { out.append($0) }
        }
        mutating func emit(text: String) { out.append(contentsOf: text) }
        mutating func emit(text: Substring) { out.append(contentsOf: text) }

        /// Writes `value` whose collection content starts at `indent`. For a mapping value the
        /// key and `:` are already written; for a sequence item, `- `.
        mutating func writeNode(_ value: Value, indent: Int, context: Context) -> Bool {
            switch value {
            case .object(let fields):
                if fields.isEmpty {
                    emit(context == .root ? "{}\n" : " {}\n")
                    return true
                }
                // Entries are read in place from the array's storage: copying each key and value
                // out (as `for (key, child) in fields` does) retained and released every one.
                return fields.entries.withUnsafeBufferPointer { entries in
                    for index in entries.indices {
                        if context == .mappingValue && index == 0 { emit("\n") }
                        if !(context == .sequenceItem && index == 0) { spaces(indent) }
                        guard appendKey(entries[index].key) else { return false }
                        emit(":")
                        guard writeChild(entries[index].value, keyIndent: indent) else { return false }
                    }
                    return true
                }
            case .array(let items):
                if items.isEmpty {
                    emit(context == .root ? "[]\n" : " []\n")
                    return true
                }
                return items.withUnsafeBufferPointer { items in
                    for index in items.indices {
                        if context == .mappingValue && index == 0 { emit("\n") }
                        if !(context == .sequenceItem && index == 0) { spaces(indent) }
                        emit("-")
                        guard writeItem(items[index], dashIndent: indent) else { return false }
                    }
                    return true
                }
            default:
                return false
            }
        }

        /// The value after `key:`.
        mutating func writeChild(_ child: Value, keyIndent: Int) -> Bool {
            switch child {
            case .object:
                return writeNode(child, indent: keyIndent + 2, context: .mappingValue)
            case .array:
                // libyaml writes a sequence inside a mapping without indenting its dashes.
                return writeNode(child, indent: keyIndent, context: .mappingValue)
            default:
                emit(" ")
                return appendScalar(child, blockIndent: keyIndent + 2)
            }
        }

        /// The item after `-`.
        mutating func writeItem(_ item: Value, dashIndent: Int) -> Bool {
            switch item {
            case .object(let fields) where !fields.isEmpty:
                emit(" ")
                return writeNode(item, indent: dashIndent + 2, context: .sequenceItem)
            case .array(let items) where !items.isEmpty:
                emit(" ")
                return writeNode(item, indent: dashIndent + 2, context: .sequenceItem)
            case .object, .array:
                return writeNode(item, indent: dashIndent + 2, context: .sequenceItem)
            default:
                emit(" ")
                return appendScalar(item, blockIndent: dashIndent + 2)
            }
        }

        mutating func spaces(_ count: Int) {
            out.append(UInt8(ascii: " "), times: count)
        }

        mutating func appendKey(_ key: String) -> Bool {
            // libyaml writes longer or multi-line keys as complex keys (`? key`).
            guard key.utf8.count <= 120 else { return false }
            let plain = YAMLScalarStyle.withUTF8(key) { bytes in
                guard YAMLScalarStyle.isSafePlain(utf8: bytes) else { return false }
                out.append(bytes)
                return true
            }
            if plain { return true }
            guard !key.unicodeScalars.contains(where: { $0 == "\n" || BlockYAMLWriter.isOtherBreak($0) }) else { return false }
            return appendDoubleQuoted(key)
        }

        /// A scalar and its line break.
        mutating func appendScalar(_ value: Value, blockIndent: Int) -> Bool {
            switch value {
            case .string(let string):
                // The style is chosen and a plain scalar copied from the same bytes in place.
                let style = YAMLScalarStyle.withUTF8(string) { bytes in
                    let style = YAMLScalarStyle.style(utf8: bytes, of: string)
                    if style == .plain { out.append(bytes) }
                    return style
                }
                switch style {
                case .plain:
                    break
                case .literal:
                    guard appendLiteral(string, indent: blockIndent) else { return false }
                default:
                    guard appendDoubleQuoted(string) else { return false }
                }
            case .int(let int):
                emit(text: String(int))
            case .double(let double):
                emit(text: JSONRenderer.number(double))
            case .bool(let bool):
                emit(bool ? "true" : "false")
            default:
                return false
            }
            emit("\n")
            return true
        }

        /// `"…"` with libyaml's escapes (no line break is written here; the caller adds it).
        mutating func appendDoubleQuoted(_ string: String) -> Bool {
            emit("\"")
            for scalar in string.unicodeScalars {
                let value = scalar.value
                switch value {
                case 0x22: emit("\\\"")
                case 0x5C: emit("\\\\")
                case 0x0A: emit("\\n")
                case 0x2028, 0x2029: emit(text: BlockYAMLWriter.escape(value))  // line breaks to libyaml
                case _ where BlockYAMLWriter.isPrintable(value):
                    UTF8.encode(scalar) { out.append($0) }
                default:
                    emit(text: BlockYAMLWriter.escape(value))
                }
            }
            emit("\"")
            return true
        }

        /// A literal block (`|`, `|-`), or `false` for text libyaml would not write as one.
        mutating func appendLiteral(_ string: String, indent: Int) -> Bool {
            guard BlockYAMLWriter.literalAllowed(string) else { return false }
            let endsWithBreak = string.utf8.last == 0x0A
            if endsWithBreak && (string.utf8.count == 1 || string.utf8.dropLast().last == 0x0A) { return false }  // `|+`
            emit("|")
            if let first = string.utf8.first, first == 0x20 || first == 0x0A { emit("2") }
            emit(endsWithBreak ? "\n" : "-\n")
            let lines = string.split(separator: "\n", omittingEmptySubsequences: false)
            let count = endsWithBreak ? lines.count - 1 : lines.count
            for line in lines.prefix(count) {
                if !line.isEmpty { spaces(indent) }
                emit(text: line)
                emit("\n")
            }
            out.removeLast()  // the caller writes the final break
            return true
        }
    }

    /// libyaml's `IS_PRINTABLE` over code points: LF, printable ASCII, U+00A0…U+D7FF, U+E000…U+FFFD
    /// without the byte-order mark. Everything else (including all of U+10000 and up) is escaped.
    static func isPrintable(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A, 0x20...0x7E: true
        case 0xA0...0xD7FF: true
        case 0xE000...0xFFFD: value != 0xFEFF
        default: false
        }
    }

    static func isOtherBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// libyaml's escape for a character it does not write as is.
    static func escape(_ value: UInt32) -> String {
        switch value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x85: return "\\N"
        case 0xA0: return "\\_"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        default:
            let (prefix, width) = value <= 0xFF ? ("\\x", 2) : value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
            let hex = String(value, radix: 16, uppercase: true)
            return prefix + String(repeating: "0", count: width - hex.count) + hex
        }
    }

    /// Whether libyaml's scalar analysis allows a block scalar: only printable characters, no
    /// space before a line break, no trailing space.
    static func literalAllowed(_ string: String) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in string.unicodeScalars {
            if !isPrintable(scalar.value) || isOtherBreak(scalar) { return false }
            if scalar == "\n", previous == " " { return false }
            previous = scalar
        }
        return previous != " "
    }
}
