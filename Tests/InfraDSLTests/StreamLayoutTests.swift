import Testing
import Yams
@testable import InfraDSL

@Suite struct StreamLayoutTests {
    private func environment() -> Environment {
        Environment("test", namespace: "test-ns") {
            Namespace()
            ConfigMap("config", data: ["a": "1"])
            NetworkPolicy("default-deny", policyTypes: [.ingress, .egress])
            Fixtures.engine()
        }
    }

    @Test func theStreamHoldsTheFilesInKustomizationOrder() throws {
        let files = try EnvironmentRenderer.render(environment())
        let stream = try EnvironmentRenderer.render(environment(), layout: .stream)
        let kustomization = try #require(files.files.first { $0.path == "test/kubernetes/kustomization.yaml" })
        let listed = try #require(try Yams.load(yaml: kustomization.contents) as? [String: Any])["resources"] as? [String]
        let byPath = Dictionary(uniqueKeysWithValues: files.files.map { ($0.path, $0.contents) })
        let expected = try #require(listed).map { "---\n" + byPath["test/kubernetes/\($0)"]! }.joined()
        #expect(stream.files.map(\.path) == ["test/kubernetes/manifests.yaml"])
        #expect(stream.files[0].contents == expected)
        // Namespace first (apply order), every document its own.
        let documents = try Yams.load_all(yaml: stream.files[0].contents).map { $0 as? [String: Any] }
        let count = try #require(listed).count
        #expect(documents.count == count)
        #expect(documents.first??["kind"] as? String == "Namespace")
    }

    @Test func theStreamIsYAMLOnly() {
        #expect(throws: DiagnosticsError.self) { try EnvironmentRenderer.render(environment(), format: .json, layout: .stream) }
    }
}
