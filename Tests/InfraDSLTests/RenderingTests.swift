import Foundation
import KubernetesAPI
import Testing
import TestSupport
import Yams
@testable import InfraDSL

@Suite struct RenderingTests {
    private func file(_ rendered: RenderedEnvironment, _ suffix: String) throws -> String {
        try #require(rendered.files.first { $0.path.hasSuffix(suffix) }).contents
    }

    @Test func documentsStartWithApiVersionKindMetadataAndDropEmptyFields() throws {
        let rendered = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") {
            ConfigMap("config", data: ["b": "2", "a": "1"])
        })
        #expect(try file(rendered, "configmap-config.yaml") == """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: config
              namespace: test-ns
            data:
              a: "1"
              b: "2"

            """)
    }

    @Test func meaningfulEmptyObjectsAreKept() throws {
        let rendered = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") {
            NetworkPolicy("default-deny", policyTypes: [.ingress, .egress])
            Fixtures.engine()
        })
        let policy = try file(rendered, "networkpolicy-default-deny.yaml")
        #expect(policy.contains("spec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  - Egress\n"))
        #expect(!policy.contains("ingress:"))
        let workload = try file(rendered, "statefulset-engine.yaml")
        #expect(workload.contains("- name: logs\n        emptyDir: {}\n"))
        #expect(!workload.contains("null"))
    }

    @Test func clusterScopedObjectsHaveNoNamespace() throws {
        let rendered = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") {
            PriorityClass("high-priority", value: 1_000_000)
        })
        #expect(!(try file(rendered, "priorityclass-high-priority.yaml")).contains("namespace:"))
    }

    @Test func jsonKeepsTheSameOrderAndParsesBack() throws {
        let yaml = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") { Fixtures.engine() })
        let json = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") { Fixtures.engine() }, format: .json)
        let jsonText = try file(json, "statefulset-engine.json")
        #expect(jsonText.hasPrefix("{\n  \"apiVersion\": \"apps/v1\",\n  \"kind\": \"StatefulSet\",\n  \"metadata\": {"))
        let fromJSON = try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? NSDictionary
        let fromYAML = try Yams.load(yaml: try file(yaml, "statefulset-engine.yaml")) as? [String: Any]
        #expect(fromJSON != nil && fromYAML != nil)
        #expect(fromJSON == (fromYAML.map { NSDictionary(dictionary: $0) }))
    }

    @Test func jsonEscapesEveryAdversarialString() throws {
        let strings = AdversarialStrings.known + AdversarialStrings.generated(count: 1_000)
        let text = JSONRenderer.render(.array(strings.map(Value.string)))
        #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == strings)
    }

    @Test func aPatchSetsATypedFieldAndKeepsTheRest() throws {
        let workload = Fixtures.statefulSet().patch {
            $0.spec?.template.spec?.hostNetwork = true
            $0.spec?.template.spec?.dnsPolicy = .clusterFirstWithHostNet
        }
        let rendered = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") { workload; Fixtures.headless(workload) })
        let document = try #require(try Yams.load(yaml: try file(rendered, "statefulset-engine.yaml")) as? [String: Any])
        let spec = try #require(((document["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
        #expect(spec["hostNetwork"] as? Bool == true)
        #expect(spec["dnsPolicy"] as? String == "ClusterFirstWithHostNet")
        #expect((spec["containers"] as? [Any])?.count == 1, "the patch keeps the typed fields")
        #expect(rendered.warnings.isEmpty)
    }

    @Test func theChecksSeeWhatAPatchChangesInThePods() {
        let line = #line + 2
        let workload = Fixtures.statefulSet()
            .patch { $0.spec?.template.spec?.containers[0].securityContext?.privileged = true }
        let errors = Fixtures.errors(Environment("test", namespace: "test-ns") { workload; Fixtures.headless(workload) })
        #expect(errors.map(\.check) == ["privilege"])
        #expect(errors.first?.location.line == line)
    }

    @Test func aPatchThatChangesMetadataIsAnError() {
        let line = #line + 1
        let workload = Fixtures.statefulSet().patch { $0.metadata = MetaV1.ObjectMeta(name: "other") }
        let errors = Fixtures.errors(Environment("test", namespace: "test-ns") { workload; Fixtures.headless(workload) })
        #expect(errors.map(\.check) == ["patch"])
        #expect(errors.first?.location.line == line)
    }

    @Test func renderingIsDeterministic() throws {
        let first = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") { Fixtures.engine() })
        let second = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") { Fixtures.engine() })
        #expect(first.files == second.files)
    }
}
