import Yams

/// Chooses how a string is written so that every YAML reader gets the same string back.
///
/// A string stays plain only when it is conservatively safe under both YAML 1.1 (PyYAML, Go's
/// yaml.v2: `yes`, `on`, `0755`, `12:30` are not strings there) and YAML 1.2 (Yams): it starts with a
/// letter or `/`, or is a quantity such as `500m`; it uses only `[A-Za-z0-9._/@:-]`; it is not a boolean or
/// null word of either version. Multi-line text becomes a
/// literal block (libyaml falls back to quotes when a block cannot hold it) unless it holds a line
/// break other than `\n`. Everything else is
/// double-quoted, where libyaml escapes what needs escaping.
enum YAMLScalarStyle {
    static func style(for string: String) -> Node.Scalar.Style {
        string.withUTF8Bytes { style(utf8: $0, of: string) }
    }

    static func isSafePlain(_ string: String) -> Bool {
        string.withUTF8Bytes { isSafePlain(utf8: $0) }
    }

    /// ``style(for:)`` from the string's bytes (`string` is only read for text with line breaks).
    static func style(utf8 bytes: UnsafeBufferPointer<UInt8>, of string: String) -> Node.Scalar.Style {
        // One pass over the bytes for the common case, a plain string (a line break is never
        // plain), not `String.contains(_:)` (Foundation's substring search) or `unicodeScalars`:
        // this runs for every string rendered.
        if isSafePlain(utf8: bytes) { return .plain }
        if bytes.contains(UInt8(ascii: "\n")) {
            return string.unicodeScalars.contains(where: otherLineBreaks.contains) ? .doubleQuoted : .literal
        }
        return .doubleQuoted
    }

    /// Line breaks a YAML reader normalizes to `\n` inside a block scalar (CR, NEL, LS, PS):
    /// text holding any of them is double-quoted, where they are escaped.
    private static let otherLineBreaks: Set<Unicode.Scalar> = ["\r", "\u{85}", "\u{2028}", "\u{2029}"]

    /// The words that resolve to booleans or nulls in YAML 1.1 or 1.2, as ``packedLowercase(_:)``s:
    /// eleven integers compared in a row (hashing each short string was 4 % of rendering).
    private static let reservedWords: [UInt64] = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf",
    ].map { word in word.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Up to eight ASCII bytes, lower-cased and packed into an integer: a word compared without
    /// allocating a lower-cased copy (every allowed byte is ASCII, so this equals `lowercased()`).
    private static func packedLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for byte in bytes.prefix(8) {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            packed = packed << 8 | UInt64(lower)
        }
        return packed
    }

    static func isSafePlain(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every allowed character is ASCII, so any other byte disqualifies.
        guard let first = bytes.first, bytes.last != UInt8(ascii: ":") else { return false }
        for byte in bytes where !isPlainByte(byte) { return false }
        if isASCIILetter(first) || first == UInt8(ascii: "/") {
            // No YAML number, date or null starts with a letter or `/`; the words that resolve to
            // booleans or nulls in either version are listed.
            return bytes.count > 5 || !reservedWords.contains(packedLowercase(bytes))
        }
        // Digits with a unit suffix: no YAML version reads these as numbers, dates or times (the
        // property tests hold every renderer choice against Yams and PyYAML).
        return isQuantity(bytes) || isDuration(bytes)
    }

    /// `[A-Za-z0-9._/@:-]` as bits: bit `b` of the first word is byte `b` (0–63: `-./0-9:`), bit
    /// `b - 64` of the second is byte `b` (64–127: `@A-Z_a-z`). One shift and mask per byte instead
    /// of a chain of range comparisons: this runs for every byte of every key and value written.
    /// Literals, so reading them costs no lazy initialization (a test derives both from the set).
    static let plainBytesBelow64: UInt64 = 0x07FF_E000_0000_0000
    static let plainBytesFrom64: UInt64 = 0x07FF_FFFE_87FF_FFFF

    @inline(__always)
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        if byte < 64 { return plainBytesBelow64 >> UInt64(byte) & 1 == 1 }
        if byte < 128 { return plainBytesFrom64 >> UInt64(byte - 64) & 1 == 1 }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The first of `units` the bytes end with.
    private static func suffix(of bytes: UnsafeBufferPointer<UInt8>, among units: [[UInt8]]) -> [UInt8]? {
        units.first { unit in bytes.count >= unit.count && bytes[(bytes.count - unit.count)...].elementsEqual(unit) }
    }

    private static let durationUnits: [[UInt8]] = ["ms", "s", "m", "h", "d"].map { Array($0.utf8) }

    /// `30s`, `5m`, `4h`, `250ms`: digits and a time unit, a number in no YAML version.
    private static func isDuration(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let unit = suffix(of: bytes, among: durationUnits) else { return false }
        return isDigits(bytes[..<(bytes.count - unit.count)])
    }

    /// Quantity suffixes, longest first so `Mi` wins over `i`-less `M`.
    private static let quantityUnits: [[UInt8]] = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "m", "k", "M", "G", "T", "P"].map { Array($0.utf8) }

    /// `500m`, `4Gi`, `1.5Gi`: digits with an optional fraction and a unit suffix. None of these
    /// suffixes makes a number in any YAML version.
    private static func isQuantity(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let unit = suffix(of: bytes, among: quantityUnits) else { return false }
        let number = bytes[..<(bytes.count - unit.count)]
        guard let dot = number.firstIndex(of: UInt8(ascii: ".")) else { return isDigits(number) }
        return isDigits(number[..<dot]) && isDigits(number[(dot + 1)...])
    }
}
