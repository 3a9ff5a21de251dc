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
        // Bytes and Unicode scalars, not `String.contains(_:)`: that is Foundation's substring search,
        // and this runs for every string rendered.
        if string.utf8.contains(UInt8(ascii: "\n")), !string.unicodeScalars.contains(where: otherLineBreaks.contains) {
            return .literal
        }
        return isSafePlain(string) ? .plain : .doubleQuoted
    }

    /// Line breaks a YAML reader normalizes to `\n` inside a block scalar (CR, NEL, LS, PS):
    /// text holding any of them is double-quoted, where they are escaped.
    private static let otherLineBreaks: Set<Unicode.Scalar> = ["\r", "\u{85}", "\u{2028}", "\u{2029}"]

    private static let reservedWords: Set<UInt64> = Set([
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf",
    ].map { asciiLowercased($0.utf8) })

    /// Up to eight ASCII bytes, lower-cased and packed into an integer: a word compared without
    /// allocating a lower-cased copy (every allowed byte is ASCII, so this equals `lowercased()`).
    private static func asciiLowercased(_ bytes: String.UTF8View) -> UInt64 {
        var packed: UInt64 = 0
        for byte in bytes.prefix(8) {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            packed = packed << 8 | UInt64(lower)
        }
        return packed
    }

    static func isSafePlain(_ string: String) -> Bool {
        // Over UTF-8 bytes: every allowed character is ASCII, so any other byte disqualifies.
        let bytes = string.utf8
        guard let first = bytes.first, bytes.last != UInt8(ascii: ":") else { return false }
        guard bytes.allSatisfy(isPlainByte) else { return false }
        if isASCIILetter(first) || first == UInt8(ascii: "/") {
            // No YAML number, date or null starts with a letter or `/`; the words that resolve to
            // booleans or nulls in either version are listed.
            return bytes.count > 5 || !reservedWords.contains(asciiLowercased(bytes))
        }
        // Digits with a unit suffix: no YAML version reads these as numbers, dates or times (the
        // property tests hold every renderer choice against Yams and PyYAML).
        return isQuantity(string) || isDuration(string)
    }

    private static func isPlainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: ":"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// `30s`, `5m`, `4h`, `250ms`: digits and a time unit, a number in no YAML version.
    private static func isDuration(_ string: String) -> Bool {
        guard let unit = ["ms", "s", "m", "h", "d"].first(where: string.hasSuffix) else { return false }
        let number = string.dropLast(unit.count)
        return !number.isEmpty && number.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Quantity suffixes, longest first so `Mi` wins over `i`-less `M`.
    private static let quantityUnits = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "m", "k", "M", "G", "T", "P"]

    /// `500m`, `4Gi`, `1.5Gi`: digits with an optional fraction and a unit suffix. None of these
    /// suffixes makes a number in any YAML version.
    private static func isQuantity(_ string: String) -> Bool {
        guard let unit = quantityUnits.first(where: string.hasSuffix) else {
            return false
        }
        let number = string.dropLast(unit.count)
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }
}
