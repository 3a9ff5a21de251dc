import Testing
@testable import InfraDSL

/// The builders support `if`, `if/else`, optionals and `for` loops in every context.
@Suite struct BuilderTests {
    private func environment(debug: Bool, replicas: [String], extra: ConfigMap?) -> Environment {
        Environment("test", namespace: "test-ns") {
            Namespace()
            if debug {
                ConfigMap("debug", data: ["level": "debug"])
            } else {
                ConfigMap("release", data: ["level": "warn"])
            }
            for name in replicas {
                ConfigMap("shard-\(name)", data: ["shard": name])
            }
            extra
            if !debug {
                ServiceAccount("deployer")
            }
        }
    }

    @Test func conditionalsLoopsAndOptionalsShapeTheEnvironment() {
        let debug = environment(debug: true, replicas: ["a", "b"], extra: nil)
        #expect(debug.resources.map(\.identity) == ["Namespace/", "ConfigMap/debug", "ConfigMap/shard-a", "ConfigMap/shard-b"])
        let release = environment(debug: false, replicas: [], extra: ConfigMap("extra", data: [:]))
        #expect(release.resources.map(\.identity) == ["Namespace/", "ConfigMap/release", "ConfigMap/extra", "ServiceAccount/deployer"])
    }

    @Test func containerAndPodBuildersSupportControlFlow() {
        let withMetrics = true
        let names = ["A", "B"]
        let container = Container("engine", image: "x:1") {
            for name in names { EnvVar(name, "1") }
            if withMetrics { ContainerPort("metrics", 9090) } else { ContainerPort("http", 8080) }
            VolumeMount("logs", at: "/logs")
        }
        #expect(container.env.map(\.name) == ["A", "B"])
        #expect(container.ports.map(\.name) == ["metrics"])
        let template = PodTemplate {
            InitContainers { Container("init", image: "x:1") }
            container
            if withMetrics { Volume("logs", .emptyDir()) }
        }
        #expect(template.initContainers.map(\.name) == ["init"])
        #expect(template.containers.map(\.name) == ["engine"])
        #expect(template.volumes.map(\.name) == ["logs"])
    }

    /// Modifiers change a new value's fields in place; a value someone else holds keeps its own.
    @Test func modifiersLeaveEveryOtherCopyAsItWas() {
        let base = Container("engine", image: "x:1")
        let copy = base
        let probed = base.livenessProbe(Probe(.exec(["true"]), initialDelay: 1, period: 2)).workingDir("/srv")
        #expect(base.livenessProbe == nil && base.workingDir == nil)
        #expect(copy.livenessProbe == nil && copy == base)
        #expect(probed.livenessProbe != nil && probed.workingDir == "/srv")
        var located = probed
        located.location = SourceLocation(path: "Elsewhere.swift", line: 1)
        #expect(probed.location != located.location && located.workingDir == "/srv")

        let template = PodTemplate { base }
        let shared = [template, template]
        let changed = shared[0].serviceAccountName("engine").priorityClassName("high")
        #expect(shared.allSatisfy { $0.serviceAccountName == nil && $0.priorityClassName == nil })
        #expect(changed.serviceAccountName == "engine" && changed.priorityClassName == "high")
    }

    @Test func objectsRenderInApplyOrderWhateverTheWrittenOrder() throws {
        let workload = Fixtures.statefulSet()
        let rendered = try EnvironmentRenderer.render(Environment("test", namespace: "test-ns") {
            PodDisruptionBudget("engine", protecting: workload, .minAvailable(.count(1)))
            workload
            Service("engine-headless", selecting: workload, ports: [ServicePort("http", 8080)], headless: true)
            ConfigMap("config", data: [:])
            NetworkPolicy("deny", policyTypes: [.ingress, .egress])
            ResourceQuota("quota", hard: .init(pods: 10))
            Namespace()
        })
        let kustomization = try #require(rendered.files.first { $0.path.hasSuffix("kustomization.yaml") })
        #expect(kustomization.contents == """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - namespace-test-ns.yaml
            - resourcequota-quota.yaml
            - networkpolicy-deny.yaml
            - configmap-config.yaml
            - service-engine-headless.yaml
            - statefulset-engine.yaml
            - poddisruptionbudget-engine.yaml

            """)
    }
}
