/// Which field names generated code writes through `DocumentSink.plainKey(_:)`, the key a writer
/// does not check again: those that every YAML reader reads back as themselves without quotes.
enum PlainKey {
    /// The words that YAML 1.1 or 1.2 reads as a boolean, a null or a special float, in lower case.
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"]

    /// Whether `name` is ASCII letters and digits, starts with a letter, and is no reserved word in
    /// any letter case: `podSelector` and `x509` are; `on`, `Off`, `x-kubernetes-foo`, `$ref` and
    /// `3d` are not.
    static func isPlain(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) else { return false }
        guard name.utf8.allSatisfy({ isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        return !reservedWords.contains(name.lowercased())
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
