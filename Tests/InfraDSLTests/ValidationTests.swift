import Testing
@testable import InfraDSL

/// Each rule of the foundation's validation: it fires on the bad value, names the Swift file and line
/// where that value was written and the resource path, and stays quiet on the good value.
@Suite struct ValidationTests {
    @Test func invalidObjectNameNamesTheSwiftLine() throws {
        let line = #line + 2
        let environment = Environment("test", namespace: "test-ns") {
            ConfigMap("Trading_Config", data: ["a": "b"])
        }
        let errors = Fixtures.errors(environment)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.check == "name")
        #expect(error.location == SourceLocation(path: "Tests/InfraDSLTests/ValidationTests.swift", line: line))
        #expect(error.resourcePath == "test/ConfigMap/Trading_Config/metadata/name")
        #expect(error.description.hasPrefix("Tests/InfraDSLTests/ValidationTests.swift:\(line): error: [name]"))
    }

    @Test func invalidLabelValueIsAnError() throws {
        let environment = Environment("test", namespace: "test-ns") {
            ConfigMap("config", data: ["a": "b"]).labels(["zone": "us east 1"])
        }
        let errors = Fixtures.errors(environment)
        #expect(errors.map(\.check) == ["label"])
        #expect(errors.first?.resourcePath == "test/ConfigMap/config/metadata/labels/zone")
    }

    @Test func invalidEnvironmentAndNamespaceNamesAreErrors() {
        let environment = Environment("Prod", namespace: "hft_prod") {}
        #expect(Fixtures.errors(environment).map(\.resourcePath) == ["Prod/name", "Prod/namespace"])
    }

    @Test func duplicateObjectsNameBothDefinitions() throws {
        let first = #line + 2
        let environment = Environment("test", namespace: "test-ns") {
            ConfigMap("config", data: ["a": "b"])
            ConfigMap("config", data: ["a": "c"])
        }
        let errors = Fixtures.errors(environment)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.check == "duplicate")
        #expect(error.location.line == first + 1)
        #expect(error.message.contains("ValidationTests.swift:\(first)"))
    }

    @Test func sameNameInAnotherKindIsNotADuplicate() {
        let environment = Environment.development("test", namespace: "test-ns") {
            ConfigMap("engine", data: ["a": "b"])
            LiteralSecret("engine", stringData: ["a": "b"])
        }
        #expect(Fixtures.errors(environment).isEmpty)
    }

    @Test func requestsAboveLimitsNameTheResourcesLine() throws {
        let line = #line + 2
        let container = Fixtures.container()
            .resources(ResourceRequirements(
                requests: ComputeResources(cpu: .cores(4), memory: .gi(8)),
                limits: ComputeResources(cpu: .cores(2), memory: .gi(8))))
        let environment = Environment("test", namespace: "test-ns") { Fixtures.engine(container: container) }
        let errors = Fixtures.errors(environment)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.check == "requests-above-limits")
        #expect(error.location.line == line)
        #expect(error.resourcePath == "test/StatefulSet/engine/spec/template/spec/containers/engine/resources/requests/cpu")
        #expect(error.message.contains("cpu request 4 is above its limit 2"))
    }

    @Test func requestsEqualToLimitsAreFine() {
        let container = Fixtures.container(
            requests: ComputeResources(cpu: .cores(1), memory: .gi(1)), limits: ComputeResources(cpu: .cores(1), memory: .gi(1)))
        #expect(Fixtures.errors(Environment("test", namespace: "test-ns") { Fixtures.engine(container: container) }).isEmpty)
    }

    @Test func emptySelectorsAreErrors() {
        let workload = StatefulSet("engine", selector: [:], serviceName: "engine-headless", template: PodTemplate {
            Fixtures.container()
            Volume("logs", .emptyDir())
        })
        let environment = Environment("test", namespace: "test-ns") {
            workload
            Service("engine", selecting: workload, ports: [ServicePort("http", 8080)])
            PodDisruptionBudget("engine", protecting: workload, .minAvailable(.count(1)))
        }
        let paths = Fixtures.errors(environment).filter { $0.check == "selector" }.map(\.resourcePath)
        #expect(paths == [
            "test/StatefulSet/engine/spec/selector", "test/Service/engine/spec/selector",
            "test/PodDisruptionBudget/engine/spec/selector",
        ])
    }

    @Test func podLabelContradictingTheSelectorIsAnError() {
        let workload = StatefulSet("engine", selector: ["app": "engine"], serviceName: "h", template: PodTemplate(labels: ["app": "other"]) {
            Fixtures.container()
            Volume("logs", .emptyDir())
        })
        #expect(Fixtures.errors(Environment("test", namespace: "test-ns") { workload }).map(\.check) == ["selector"])
    }

    @Test func probeOnAnUndeclaredPortIsAnError() {
        let container = Fixtures.container(probePort: .name("metrics"))
        let errors = Fixtures.errors(Environment("test", namespace: "test-ns") { Fixtures.statefulSet(container: container) })
        #expect(errors.map(\.check) == ["port"])
        #expect(errors.first?.message.contains("'metrics'") == true)
    }

    @Test func serviceTargetPortMustBeDeclaredByTheWorkload() {
        let workload = Fixtures.statefulSet()
        let environment = Environment("test", namespace: "test-ns") {
            workload
            Service("engine", selecting: workload, ports: [ServicePort("metrics", 9090, targetPort: .name("metrics"))])
        }
        #expect(Fixtures.errors(environment).map(\.resourcePath) == ["test/Service/engine/spec/ports/metrics/targetPort"])
    }

    @Test func mountOfAnUndeclaredVolumeIsAnError() {
        let workload = StatefulSet("engine", selector: Fixtures.selector, serviceName: "h", template: PodTemplate {
            Fixtures.container()
        })
        let errors = Fixtures.errors(Environment("test", namespace: "test-ns") { workload })
        #expect(errors.map(\.check) == ["reference"])
    }

    @Test func invalidPortNumbersAndReplicaBoundsAreErrors() {
        let workload = Fixtures.statefulSet()
        let environment = Environment("test", namespace: "test-ns") {
            workload
            Service("engine", selecting: workload, ports: [ServicePort("http", 70000, targetPort: .name("http"))])
            HorizontalPodAutoscaler("engine", scaling: workload, minReplicas: 5, maxReplicas: 3, metrics: [.cpuUtilization(70)])
        }
        #expect(Fixtures.errors(environment).map(\.check).sorted() == ["port", "replicas"])
    }

    @Test func aValidEnvironmentHasNoFindings() throws {
        let workload = Fixtures.statefulSet()
        let rendered = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") {
            Namespace()
            workload
            Service("engine-headless", selecting: workload, ports: [ServicePort("http", 8080, targetPort: .name("http"))], headless: true)
        })
        #expect(rendered.warnings.isEmpty)
        #expect(rendered.files.map(\.path) == [
            "test/kubernetes/kustomization.yaml", "test/kubernetes/namespace-test-ns.yaml",
            "test/kubernetes/service-engine-headless.yaml", "test/kubernetes/statefulset-engine.yaml",
        ])
    }
}
