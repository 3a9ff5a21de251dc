import Foundation
import Testing
import TestSupport
@testable import InfraDSL

/// The HCL emitter: escaping, layout, and a round trip through python-hcl2 (a parser nobody here
/// wrote) for every adversarial string.
@Suite struct HCLTests {
    @Test func escapesEverythingHCLInterprets() {
        #expect(HCLRenderer.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(HCLRenderer.quoted("${var.x} %{ if }") == #""\u0024{var.x} \u0025{ if }""#)
        #expect(HCLRenderer.quoted("$x %y {z}") == #""$x %y {z}""#)
        #expect(HCLRenderer.quoted("line\nnext\ttab\r") == #""line\nnext\ttab\r""#)
        #expect(HCLRenderer.quoted("bell\u{07}é🚀") == "\"bell\\u0007é🚀\"")
    }

    @Test func alignsRunsAndBreaksThemAtBlocksBlankLinesAndMultiLineValues() {
        let text = HCLRenderer.render([
            .attribute("a", 1),
            .attribute("long_name", "x"),
            .attribute("tags", .object([HCLAttribute("k", "v"), HCLAttribute("a b", "w")])),
            .attribute("after", true),
            .blankLine,
            .block(HCLBlock("variable", labels: ["v"], body: [.attribute("type", .expression("string"))])),
        ])
        #expect(text == """
            a         = 1
            long_name = "x"
            tags = {
              k     = "v"
              "a b" = "w"
            }
            after = true

            variable "v" {
              type = string
            }

            """)
    }

    @Test func multiLineTextBecomesAHeredoc() {
        #expect(HCLRenderer.value(.string("a\nb c\n"), indent: 0) == "<<EOT\na\nb c\nEOT")
        #expect(HCLRenderer.value(.string("a\nb ${c}\n"), indent: 0) == #""a\nb \u0024{c}\n""#)
        #expect(HCLRenderer.value(.string("no trailing newline\nx"), indent: 0) == #""no trailing newline\nx""#)
        #expect(HCLRenderer.value(.string("EOT\nclash\n"), indent: 0) == #""EOT\nclash\n""#)
    }

    @Test func pythonHCL2ReadsBackEveryValue() throws {
        let strings = AdversarialStrings.known + AdversarialStrings.generated(count: 1_100) + [
            "${var.x}", "%{ if true }x%{ endif }", "$${", "%%{", "$", "%", "{", "}", "a\nEOT\n", "EOT", "multi\nline ${x}\n",
        ]
        var items: [HCLBodyItem] = [.comment("round trip"), .attribute("count", 3), .attribute("enabled", false)]
        var expected: [String: Any] = ["count": 3, "enabled": false]
        for (index, string) in strings.enumerated() {
            items.append(.attribute("s\(index)", .string(string)))
            expected["s\(index)"] = string
        }
        let keys = Array(strings.prefix(200).enumerated())
        items.append(.attribute("map", .object(keys.map { HCLAttribute("k\($0.offset) \($0.element)", .string($0.element)) })))
        expected["map"] = Dictionary(uniqueKeysWithValues: keys.map { ("k\($0.offset) \($0.element)", $0.element) })
        items.append(.attribute("list", .list(strings.prefix(50).map(HCLValue.string) + [1, true])))
        expected["list"] = Array(strings.prefix(50)) as [Any] + [1, true]

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("roundtrip.tfvars")
        try Data(HCLRenderer.render(items).utf8).write(to: file)
        let parsed = try #require(try TestSupport.parseHCL([file.path])[file.path] as? [String: Any])
        for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
            let actual = try #require(parsed[key], "\(key) is missing from the parsed file")
            #expect(try TestSupport.sameJSON(actual, value), "\(key): \(actual) != \(value)")
        }
        #expect(HCLRenderer.quoted("$${") == #""$\u0024{""#)
    }

    /// The round trip above relies on the parser script refusing a template sequence left unescaped:
    /// python-hcl2 alone reads `"${x}"` and `"\u0024{x}"` as the same value.
    @Test func theRoundTripParserRejectsAnUnescapedTemplateSequence() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, token) in [#""${var.x}""#, #""a %{ if b }""#, "<<EOT\n${x}\nEOT"].enumerated() {
            let file = directory.appendingPathComponent("plain\(index).tfvars")
            try Data("a = \(token)\n".utf8).write(to: file)
            #expect(throws: (any Error).self, "\(token) was read as a literal") { try TestSupport.parseHCL([file.path]) }
        }
        let escaped = directory.appendingPathComponent("escaped.tfvars")
        try Data("a = \"$${x} \\u0025{y} $$${z}\"\nb = <<EOT\n%%{w}\nEOT\n".utf8).write(to: escaped)
        let parsed = try #require(try TestSupport.parseHCL([escaped.path])[escaped.path] as? [String: String])
        #expect(parsed == ["a": "${x} %{y} $${z}", "b": "%{w}\n"])
    }
}
