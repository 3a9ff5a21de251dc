import Foundation
import Testing
import TestSupport
import Yams
@testable import InfraDSL

/// Every string the renderer writes must come back as the same string, from libyaml (Yams, YAML 1.2
/// style resolution) and from PyYAML (YAML 1.1 resolution, where `yes` and `0755` are not strings).
@Suite struct YAMLRoundTripTests {
    static let strings = AdversarialStrings.known + AdversarialStrings.generated(count: 1_200)

    private func document(_ strings: [String]) -> Value {
        // Each string appears as a value and as a key, since keys are quoted by the same rules.
        let keyed = Fields(strings.enumerated().map { ("\($0.offset):\($0.element)", Value.string($0.element)) })
        return ["values": .array(strings.map(Value.string)), "keyed": .object(keyed)]
    }

    @Test func yamsReadsBackEveryString() throws {
        let yaml = try YAMLRenderer.render(document(Self.strings))
        let loaded = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let values = try #require(loaded["values"] as? [Any])
        #expect(values.count == Self.strings.count)
        for (index, original) in Self.strings.enumerated() {
            #expect(values[index] as? String == original, "string \(index) \(original.debugDescription) came back as \(String(describing: values[index]))\n")
        }
        let keyed = try #require(loaded["keyed"] as? [String: Any])
        for (index, original) in Self.strings.enumerated() {
            #expect(keyed["\(index):\(original)"] as? String == original, "key of string \(index) \(original.debugDescription)")
        }
    }

    @Test func pyyamlReadsBackEveryString() throws {
        let yaml = try YAMLRenderer.render(document(Self.strings))
        let expected = String(decoding: try JSONEncoder().encode(Self.strings), as: UTF8.self)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("doc.yaml"))
        try Data(expected.utf8).write(to: directory.appendingPathComponent("expected.json"))
        let script = """
            import json, sys, yaml
            doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            expected = json.load(open(sys.argv[2], encoding="utf-8"))
            bad = [i for i, s in enumerate(expected) if doc["values"][i] != s]
            bad += [i for i, s in enumerate(expected) if doc["keyed"].get(f"{i}:{s}") != s]
            assert len(doc["values"]) == len(expected), "length"
            print(len(expected), "checked;", "mismatches:", sorted(set(bad))[:20])
            sys.exit(1 if bad else 0)
            """
        let result = try TestSupport.shell(
            "\(TestSupport.python) - '\(directory.path)/doc.yaml' '\(directory.path)/expected.json'", input: script)
        #expect(result.status == 0, "PyYAML disagreed: \(result.output) \(result.error)")
        #expect(result.output.contains("\(Self.strings.count) checked"))
    }

    @Test func safeStringsStayPlainAndDangerousOnesAreQuoted() throws {
        let yaml = try YAMLRenderer.render(["a": "trading-engine", "b": "500m", "c": "/app/config", "d": "yes", "e": "0755", "f": "12:30"])
        #expect(yaml == "a: trading-engine\nb: 500m\nc: /app/config\nd: \"yes\"\ne: \"0755\"\nf: \"12:30\"\n")
    }

    /// `y` and `n` are booleans in YAML 1.1 (Go's yaml.v2 reads them so) though neither Yams nor
    /// PyYAML does: they must be quoted all the same.
    @Test func yaml11OnlyBooleansAreQuoted() {
        for word in ["y", "Y", "n", "N", "yes", "Off"] {
            #expect(!YAMLScalarStyle.isSafePlain(word), "\(word)")
        }
        #expect(YAMLScalarStyle.isSafePlain("yellow"))
    }

    @Test func multiLineTextIsALiteralBlock() throws {
        let yaml = try YAMLRenderer.render(["config.yaml": "a: 1\nb: 2\n"])
        #expect(yaml == "config.yaml: |\n  a: 1\n  b: 2\n")
    }
}
