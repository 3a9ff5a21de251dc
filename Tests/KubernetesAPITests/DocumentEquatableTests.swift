import KubernetesAPI
import Testing

/// Generated structs are equal exactly when they write the same document.
@Suite struct DocumentEquatableTests {
    static func container(_ name: String = "app", ports: [Int] = [8080], cpu: Quantity = "100m", args: [String]? = nil) -> CoreV1.Container {
        var container = CoreV1.Container(name: name, image: "registry.example.com/app:1")
        container.ports = ports.map { CoreV1.ContainerPort(containerPort: $0) }
        container.resources = CoreV1.ResourceRequirements(requests: ["cpu": cpu])
        container.args = args
        return container
    }

    @Test func theSameFieldsBuiltSeparatelyAreEqual() {
        #expect(Self.container() == Self.container())
        #expect(CoreV1.PodSecurityContext() == CoreV1.PodSecurityContext())
        // A map is kept sorted, so the order it was written in does not matter.
        #expect(CoreV1.ResourceRequirements(requests: ["cpu": "1", "memory": "1Gi"])
            == CoreV1.ResourceRequirements(requests: ["memory": "1Gi", "cpu": "1"]))
    }

    @Test func anyDifferenceAnywhereIsUnequal() {
        #expect(Self.container() != Self.container("other"))
        #expect(Self.container() != Self.container(cpu: "200m"))
        #expect(Self.container(ports: [80, 81]) != Self.container(ports: [81, 80]))
        #expect(Self.container(ports: [80]) != Self.container(ports: [80, 81]))
        // An empty list is written, an absent one is not.
        #expect(Self.container(args: []) != Self.container(args: nil))
        #expect(CoreV1.PodSecurityContext(runAsNonRoot: true) != CoreV1.PodSecurityContext())
        #expect(CoreV1.PodSecurityContext(runAsNonRoot: true) != CoreV1.PodSecurityContext(runAsNonRoot: false))
    }

    @Test func kindsCompareTheirWholeObject() {
        var first = CoreV1.ConfigMap(data: ["key": "value"])
        first.metadata = MetaV1.ObjectMeta(name: "settings")
        var second = first
        #expect(first == second)
        second.metadata?.labels = ["app": "web"]
        #expect(first != second)
        #expect(first != first.embedded())
        second = first
        second.data = ["key": "other"]
        #expect(first != second)
    }
}
