import InfraDSL
/// Strings that YAML readers are known to turn into something else when written plainly, and a
/// seeded generator that combines them into many more.
enum AdversarialStrings {
    /// The hand-picked cases: YAML 1.1 and 1.2 booleans, nulls, numbers in every base, dates,
    /// sexagesimals, indicators, quotes, whitespace, control characters and unicode.
    static let known: [String] = [
        "yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF", "true", "False", "TRUE",
        "null", "Null", "NULL", "~", "", "0755", "012", "0o17", "1e3", "1E3", "0x1F", "0b101", "1_000",
        ".inf", "-.inf", ".NaN", "12:30", "190:20:30", "- x", "-", "a: b", "a:", ":", "#x", "a #b",
        "*a", "&a", "!tag", "!!str", "%x", "@x", "`x", "\"q\"", "'q'", "'", "\"", " leading", "trailing ",
        " ", "\t", "a\tb", "\ttab", "unicode: é ü ß 日本語 🚀", "multi\nline", "trailing newline\n",
        "two trailing newlines\n\n", "\n", "\n\nleading newlines", "line with trailing space \nnext",
        "crlf\r\nline", "bare\rcarriage", "nel\u{85}x", "ls\u{2028}x", "bell\u{07}", "nul-free\u{1B}esc",
        "bom\u{FEFF}", "<<", "=", "+1", "-1", ".5", "1.", "2024-01-01", "2001-12-14t21:59:43.10-05:00",
        "{a: 1}", "[1, 2]", "a, b", "?", "? x", "|", ">", "|-", "key: value # comment", "50%", "1/2",
        "500m", "4Gi", "1.5Gi", "0", "-0", "00", "1e", "e3", "0.1.2", "v1.0.0", "\\", "\\n", "\u{7F}",
        "a\u{A0}b", "\u{3000}", "0-7", "8080", "true\n", "  indented\n  block\n",
    ]

    /// `count` strings built from 1 to 4 fragments of the known cases, separators and HCL template
    /// sequences (`${`, `%{` and their escapes, so a fragment ending in `$` meets one starting `{`), with a fixed
    /// seed so every run tests the same strings.
    static func generated(count: Int, seed: UInt64 = 0x5EED_1D5C) -> [String] {
        var generator = SplitMix64(seed: seed)
        let fragments = known + [" ", "\n", ": ", " #", ",", "[", "]", "{", "}", "\t", "'", "\"", "\r\n", "é", "🙂",
                                  "$", "%", "${", "%{", "$${", "%%{", "$$", "%%"]
        return (0..<count).map { _ in
            let parts = Int(generator.next() % 4) + 1
            return (0..<parts).map { _ in fragments[Int(generator.next() % UInt64(fragments.count))] }.joined()
        }
    }
}
