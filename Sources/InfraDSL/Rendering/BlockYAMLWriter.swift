import KubernetesAPI

/// Writes a document as block YAML directly, byte for byte what libyaml emits for the same
/// document with ``YAMLRenderer``'s settings (block collections, indentless sequences in mappings,
/// two-space indent, no folding, unicode allowed, ``YAMLScalarStyle``'s choices), without building a
/// Yams node tree. It takes the document as ``DocumentSink`` events, so a generated object is
/// written straight from its fields without a ``Value`` tree in between (``render(_:)-(any
/// Resource)``). It covers what our documents hold and declines (answers `nil`) the rest:
/// ``YAMLRenderer`` then asks libyaml. The tests hold its output against libyaml's for every
/// rendered environment and for the adversarial strings as keys and values.
final class BlockYAMLWriter: DocumentSink {
    /// The document's text, or `nil` when some part of it is outside what this writer reproduces.
    static func render(_ value: Value) -> String? {
        guard case .object = value else { return nil }
        let writer = BlockYAMLWriter()
        value.write(to: writer)
        return writer.finish()
    }

    /// A resolved resource's document (``EnvironmentResolver/write(_:to:)``), or `nil` as above.
    static func render(_ resource: any Resource) -> String? {
        let writer = BlockYAMLWriter()
        EnvironmentResolver.write(resource, to: writer)
        return writer.finish()
    }

    private enum Context {
        case root
        /// The value of a mapping key whose key starts at `indent`.
        case mappingValue
        /// An item of a sequence whose `- ` sits at `indent`.
        case sequenceItem
    }

    /// An open mapping or sequence: where its keys or dashes sit, what it is the value of, and how
    /// many entries it has had so far (an empty one is written `{}` or `[]` when it closes).
    private struct Frame {
        var isObject: Bool
        var indent: Int
        var context: Context
        var count = 0
    }

    // Only this writer touches its state, one call at a time: the runtime's exclusivity checks on
    // class properties are not worth paying per event.
    /// UTF-8 bytes: appending to a byte buffer is several times cheaper than to a `String`.
    @exclusivity(unchecked) private var out = ByteBuffer(capacity: 2048)
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// The key of the value about to start in the innermost mapping; written only when the value
    /// starts, so a key whose value is null is left out, as the document model leaves it out.
    @exclusivity(unchecked) private var pendingKey: String?
    /// Whether the pending key came through ``plainKey(_:)`` and is written without checking.
    @exclusivity(unchecked) private var pendingKeyIsPlain = false
    @exclusivity(unchecked) private var failed = false
    @exclusivity(unchecked) private var closed = false

    private init() {
        frames.reserveCapacity(16)
    }

    /// The text written, or `nil` if the document was declined or is not one closed mapping.
    private func finish() -> String? {
        defer { out.deallocate() }
        return !failed && closed && frames.isEmpty ? out.string : nil
    }

    // MARK: events

    func beginObject() { open(isObject: true) }
    func beginArray() { open(isObject: false) }
    func endObject() { close() }
    func endArray() { close() }

    func key(_ key: String) {
        pendingKey = key
        pendingKeyIsPlain = false
    }

    /// A generated field's name, which its generator found plain (checked again in debug builds).
    func plainKey(_ key: String) {
        assert(YAMLScalarStyle.isSafePlain(key), "'\(key)' was passed as a plain key")
        pendingKey = key
        pendingKeyIsPlain = true
    }

    func string(_ value: String) {
        guard startScalar() else { return }
        // The style is chosen and a plain scalar copied from the same bytes in place.
        let style = value.withUTF8Bytes { bytes in
            let style = YAMLScalarStyle.style(utf8: bytes, of: value)
            if style == .plain { out.append(bytes) }
            return style
        }
        switch style {
        case .plain:
            break
        case .literal:
            guard appendLiteral(value, indent: scalarIndent) else { failed = true; return }
        default:
            appendDoubleQuoted(value)
        }
        emit(byte: UInt8(ascii: "\n"))
    }

    func int(_ value: Int) {
        guard startScalar() else { return }
        appendDecimal(value)
        emit(byte: UInt8(ascii: "\n"))
    }

    func double(_ value: Double) {
        guard startScalar() else { return }
        emit(text: JSONNumber.text(value))
        emit(byte: UInt8(ascii: "\n"))
    }

    func bool(_ value: Bool) {
        guard startScalar() else { return }
        emit(value ? "true\n" : "false\n")
    }

    /// The document model has no null: a null value is left out with its key, as
    /// ``DocumentValueBuilder`` leaves it out.
    func null() { pendingKey = nil }

    // MARK: structure

    /// The indent of a block scalar's lines that starts now (set by ``startScalar()``).
    @exclusivity(unchecked) private var scalarIndent = 0

    private func open(isObject: Bool) {
        guard !failed else { return }
        guard !frames.isEmpty else {
            // Only a mapping at the root, as libyaml writes ours.
            guard isObject, !closed else { failed = true; return }
            frames.append(Frame(isObject: true, indent: 0, context: .root))
            return
        }
        let parent = frames.count - 1
        if frames[parent].isObject {
            guard writeKey(of: parent) else { return }
            // libyaml writes a sequence inside a mapping without indenting its dashes.
            let indent = isObject ? frames[parent].indent + 2 : frames[parent].indent
            frames.append(Frame(isObject: isObject, indent: indent, context: .mappingValue))
        } else {
            writeDash(of: parent)
            // The item's first entry follows `- ` on the same line; an empty one is ` {}`.
            emit(byte: UInt8(ascii: " "))
            frames.append(Frame(isObject: isObject, indent: frames[parent].indent + 2, context: .sequenceItem))
        }
    }

    private func close() {
        guard !failed, let frame = frames.popLast() else { failed = true; return }
        if frame.count == 0 {
            switch frame.context {
            case .root: emit(frame.isObject ? "{}\n" : "[]\n")
            case .mappingValue: emit(frame.isObject ? " {}\n" : " []\n")
            case .sequenceItem: emit(frame.isObject ? "{}\n" : "[]\n")
            }
        }
        if frames.isEmpty { closed = true }
    }

    /// Writes what precedes a scalar (its key and `: `, or `- `); false when it cannot be written.
    private func startScalar() -> Bool {
        guard !failed else { return false }
        guard let parent = frames.indices.last else { failed = true; return false }
        if frames[parent].isObject {
            guard writeKey(of: parent) else { return false }
        } else {
            writeDash(of: parent)
        }
        emit(byte: UInt8(ascii: " "))
        scalarIndent = frames[parent].indent + 2
        return true
    }

    /// The pending key of the mapping at `index` and its `:`, on its own line.
    private func writeKey(of index: Int) -> Bool {
        guard let key = pendingKey else { failed = true; return false }
        pendingKey = nil
        let frame = frames[index]
        if frame.context == .mappingValue && frame.count == 0 { emit(byte: UInt8(ascii: "\n")) }
        if !(frame.context == .sequenceItem && frame.count == 0) { spaces(frame.indent) }
        frames[index].count += 1
        if pendingKeyIsPlain {
            key.withUTF8Bytes { out.append($0) }
        } else {
            guard appendKey(key) else { failed = true; return false }
        }
        emit(byte: UInt8(ascii: ":"))
        return true
    }

    /// The `-` of the next item of the sequence at `index`.
    private func writeDash(of index: Int) {
        let frame = frames[index]
        if frame.context == .mappingValue && frame.count == 0 { emit(byte: UInt8(ascii: "\n")) }
        if !(frame.context == .sequenceItem && frame.count == 0) { spaces(frame.indent) }
        frames[index].count += 1
        emit(byte: UInt8(ascii: "-"))
    }

    // MARK: bytes

    /// Appends fixed text (indicators, escapes, line breaks) straight from its bytes.
    private func emit(_ text: StaticString) {
        text.withUTF8Buffer { out.append($0) }
    }
    /// One indicator or line break byte.
    private func emit(byte: UInt8) { out.append(byte) }
    private func emit(text: String) { out.append(contentsOf: text) }
    private func emit(text: Substring) { out.append(contentsOf: text) }

    /// `value` in decimal, as `String(value)` spells it, without making the string.
    private func appendDecimal(_ value: Int) {
        if value < 0 { emit(byte: UInt8(ascii: "-")) }
        // Digits from the last, into room for the 20 of `Int.min` on the stack.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            out.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    private func spaces(_ count: Int) {
        out.append(UInt8(ascii: " "), times: count)
    }

    private func appendKey(_ key: String) -> Bool {
        // libyaml writes longer or multi-line keys as complex keys (`? key`).
        guard key.utf8.count <= 120 else { return false }
        let plain = key.withUTF8Bytes { bytes in
            guard YAMLScalarStyle.isSafePlain(utf8: bytes) else { return false }
            out.append(bytes)
            return true
        }
        if plain { return true }
        guard !key.unicodeScalars.contains(where: { $0 == "\n" || BlockYAMLWriter.isOtherBreak($0) }) else { return false }
        appendDoubleQuoted(key)
        return true
    }

    /// `"…"` with libyaml's escapes (no line break is written here; the caller adds it).
    private func appendDoubleQuoted(_ string: String) {
        emit(byte: UInt8(ascii: "\""))
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
        emit(byte: UInt8(ascii: "\""))
    }

    /// A literal block (`|`, `|-`), or `false` for text libyaml would not write as one.
    private func appendLiteral(_ string: String, indent: Int) -> Bool {
        guard BlockYAMLWriter.literalAllowed(string) else { return false }
        let endsWithBreak = string.utf8.last == 0x0A
        if endsWithBreak && (string.utf8.count == 1 || string.utf8.dropLast().last == 0x0A) { return false }  // `|+`
        emit(byte: UInt8(ascii: "|"))
        if let first = string.utf8.first, first == 0x20 || first == 0x0A { emit(byte: UInt8(ascii: "2")) }
        emit(endsWithBreak ? "\n" : "-\n")
        let lines = string.split(separator: "\n", omittingEmptySubsequences: false)
        let count = endsWithBreak ? lines.count - 1 : lines.count
        for line in lines.prefix(count) {
            if !line.isEmpty { spaces(indent) }
            emit(text: line)
            emit(byte: UInt8(ascii: "\n"))
        }
        out.removeLast()  // the caller writes the final break
        return true
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
