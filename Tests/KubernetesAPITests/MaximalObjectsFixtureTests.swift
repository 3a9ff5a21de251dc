import Foundation
import KubernetesAPI
import Testing
import TestSupport

/// `Tests/Fixtures/import/maximal-objects.yaml` holds one maximal object of every generated kind (every
/// field the schema has, recursively), for the `gen import` round trip the test command runs. It
/// is written from the schema; this test keeps it current (`RECORD_FIXTURES=1` rewrites it).
@Suite struct MaximalObjectsFixtureTests {
    static let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/import/maximal-objects.yaml")

    /// Every generated kind's maximal object, as a YAML stream of JSON documents with sorted keys:
    /// namespaced ones in namespace `maximal`, cluster-scoped ones without a namespace.
    static func stream() throws -> String {
        var documents: [String] = []
        for kind in GeneratedKinds.all {
            var object = GeneratedAPITests.maximal(kind)
            var metadata = object["metadata"] as! [String: Any]
            metadata["name"] = "maximal-\(kind.kind.lowercased())"
            metadata["namespace"] = kind.isNamespaced ? "maximal" : nil
            object["metadata"] = metadata
            let json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            documents.append(String(decoding: json, as: UTF8.self))
        }
        return "# One maximal object of every generated kind; written by MaximalObjectsFixtureTests.\n"
            + documents.map { "---\n\($0)\n" }.joined()
    }

    @Test("the maximal-object fixture for gen import is current")
    func fixtureIsCurrent() throws {
        let expected = try Self.stream()
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" {
            try expected.write(to: Self.fixture, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.fixture, encoding: .utf8)
        #expect(committed == expected, "run RECORD_FIXTURES=1 swift test --filter MaximalObjectsFixtureTests")
    }
}
