import Foundation
import Testing
import TestSupport
@testable import InfraDSL
@testable import KubernetesAPI

/// `gen lint`'s reader: YAML parsed from libyaml's events into a ``DocumentTree``, and the generated
/// types reading themselves from it. Scalars are typed as a YAML 1.1 reader types them; what YAML
/// forbids (a key twice, an alias to nothing, aliases multiplying a file) is an error at its line.
@Suite struct DocumentTreeReadingTests {
    private func read(_ yaml: String) -> ManifestReader { ManifestReading.read(yaml) }
    private func findings(_ reader: ManifestReader) -> [String] { ManifestReading.findings(reader) }

    /// What one plain scalar reads as: the first of boolean, integer, number, null that takes it,
    /// else text (the order a free-form field tries them in).
    private func kind(ofPlain text: String) throws -> String {
        let tree = try YAMLDocuments.single("value: \(text)\n")
        var reader = DocumentReader(tree)
        let value = try JSONValue(reading: &reader, at: 2)
        return switch value {
        case .bool(let flag): "bool \(flag)"
        case .int(let number): "int \(number)"
        case .double(let number): number.isNaN ? "float nan" : "float \(number)"
        case .null: "null"
        default: "str"
        }
    }

    @Test("plain scalars are typed as PyYAML, a YAML 1.1 reader, types them")
    func plainScalarsAreTypedAsAYAML11Reader() throws {
        // Where YAML 1.1 readers agree (PyYAML and Kubernetes' Go reader).
        let probes = [
            "0", "7", "-7", "+7", "0x1F", "-0x1F", "0b101", "017", "1_000", "123456789012",
            "1.5", "-0.25", "+1.5", "1_000.5", ".inf", "-.inf", "+.inf", ".nan", ".Inf",
            "true", "True", "TRUE", "false", "yes", "Yes", "NO", "on", "On", "off", "OFF",
            "~", "null", "Null", "NULL", "",
            "3dReplicas", "0x", "http", "1.2.3", "12:30:xx", "0b2", "-x", "+", "._", "tRuE x",
        ]
        let ours = try probes.map(kind(ofPlain:))
        let script = """
            import json, math, sys, yaml
            def kind(value):
                if isinstance(value, bool): return "bool " + ("true" if value else "false")
                if isinstance(value, int): return "int %d" % value
                if isinstance(value, float): return "float nan" if math.isnan(value) else "float " + repr(value)
                if value is None: return "null"
                return "str"
            for probe in json.load(sys.stdin):
                print(kind(yaml.safe_load("value: " + probe + "\\n")["value"]))
            """
        let probesJSON = String(decoding: try JSONSerialization.data(withJSONObject: probes), as: UTF8.self)
        let result = try TestSupport.shell("\(TestSupport.python) -c '\(script)'", input: probesJSON)
        try #require(result.status == 0, "\(result.error)")
        let theirs = result.output.split(separator: "\n").map(String.init)
        for (index, probe) in probes.enumerated() {
            #expect(ours[index] == Self.swiftSpelling(theirs[index]), "\(probe): ours \(ours[index]), PyYAML \(theirs[index])")
        }
    }

    /// PyYAML's spelling of a float (`1000.5`, `inf`, `-inf`) as Swift prints it.
    private static func swiftSpelling(_ kind: String) -> String {
        guard kind.hasPrefix("float "), let number = Double(kind.dropFirst(6)) else { return kind }
        return "float \(number)"
    }

    @Test("forms Kubernetes' reader takes beyond YAML 1.1: 0o octal, any letter case in booleans")
    func kubernetesForms() throws {
        #expect(try kind(ofPlain: "0o17") == "int 15")
        #expect(try kind(ofPlain: "1:30") == "int 90")
        #expect(try kind(ofPlain: "tRuE") == "bool true")
        #expect(try kind(ofPlain: "0o") == "str")
        #expect(try kind(ofPlain: "9223372036854775808") == "float 9.223372036854776e+18")
    }

    /// A Deployment whose spec holds `line` (line 5 of the document).
    private func deployment(_ line: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          \(line)
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: "web:1"}]}}
        """
    }

    @Test("a quoted or !!str-tagged number or boolean is text: a type error in a number or boolean field")
    func quotedScalarsAreText() throws {
        let rejected = "1 lint: kind Deployment does not match its schema, so the semantic checks do not read it"
        #expect(findings(read(deployment("replicas: \"3\""))) == ["5 schema: spec.replicas: expected integer, found \"3\"", rejected])
        #expect(findings(read(deployment("minReadySeconds: !!str 5"))) == ["5 schema: spec.minReadySeconds: expected integer, found \"5\"", rejected])
        #expect(findings(read(deployment("paused: 'false'"))) == ["5 schema: spec.paused: expected boolean, found \"false\"", rejected])
        for line in ["replicas: 3", "minReadySeconds: 0o17", "paused: False"] {
            #expect(findings(read(deployment(line))) == [], "\(line)")
        }
        let deployment = try #require(read(deployment("minReadySeconds: 0o17")).objects.first?.object as? AppsV1.Deployment)
        #expect(deployment.spec?.minReadySeconds == 15)
    }

    @Test("a key given twice is an error at the second, naming the first; the documents before are read")
    func duplicateKeys() {
        let reader = read("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: before}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels: {app: web}
              name: other
            """)
        #expect(reader.resources.map(\.identity) == ["ConfigMap/before"])
        #expect(findings(reader) == ["10 yaml: malformed YAML: duplicate key 'name' (first at line 8)"])
        // Many keys are compared another way; the same finding.
        let keys = (0..<40).map { "  k\($0): v" }.joined(separator: "\n")
        let wide = read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n\(keys)\n  k7: again\n")
        #expect(findings(wide) == ["45 yaml: malformed YAML: duplicate key 'k7' (first at line 12)"])
    }

    @Test("an entry past a mapping's 64th is read, and every unknown one is reported")
    func wideMappings() {
        let unknown = (0..<69).map { "  extra\($0): x" }.joined(separator: "\n")
        let reader = read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\(unknown)\n  name: wide\n  note: ~\n")
        #expect(reader.resources.map(\.identity) == ["ConfigMap/wide"])
        let found = findings(reader)
        #expect(found.count == 69, "a null value is absent, not unknown")
        #expect(found.first == "4 schema: metadata.extra0: unknown field")
        #expect(found.last == "72 schema: metadata.extra68: unknown field")
    }

    @Test("a mapping key that is itself a collection is an unknown field, not dropped")
    func complexKeys() {
        let reader = read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odd\n  ? [a, b]\n  : value\n")
        #expect(findings(reader) == ["5 schema: metadata: a key that is not text (a mapping or a list) names no field"])
    }

    @Test("aliases that multiply a small file past the bound are an error, quickly")
    func aliasBomb() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...7 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let start = ContinuousClock.now
        let reader = read(lines.joined(separator: "\n"))
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(findings(reader).count == 1)
        #expect(findings(reader).first?.contains("more than 1000000 nodes once its aliases are expanded") == true, "\(findings(reader))")
        #expect(findings(reader).first?.hasPrefix("6 yaml:") == true, "a5, the first to pass the bound, is on line 6")
    }

    @Test("an alias inside the node it names is an error, not a loop")
    func recursiveAlias() {
        let reader = read("apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: loop, labels: *m}\n")
        #expect(findings(reader) == ["3 yaml: malformed YAML: the alias 'm' stands inside the node it names"])
    }
}
