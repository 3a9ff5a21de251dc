import Testing
@testable import InfraDSL

/// The `performance` check: each need of a performance setting, met and then broken one way at a
/// time, each gap an error naming the setting, at the line that wrote the container's resources.
@Suite struct PerformanceCheckTests {
    private let pods: Labels = ["app": "engine"]
    private let taint = Taint("node-type", "fast", .noSchedule)

    private var contract: EnvironmentContract {
        var contract = EnvironmentContract()
        contract.performance = [
            .init("performance.cpu_affinity", pods: pods, container: "engine", .exclusiveCPUs(4)),
            .init("performance.huge_pages", pods: pods, container: "engine", .hugePages2Mi(.mi(512))),
            .init("performance.thread_priority", pods: pods, container: "engine", .capability(.sysNice)),
            .init("performance.numa_node", pods: pods, container: "engine", .nodePool(name: "fast", labels: ["node-type": "fast"], taints: [taint])),
        ]
        return contract
    }

    /// The engine as the check wants it, with one part replaced by each parameter.
    private func engine(
        requestCPU: CPU = .cores(4), limitCPU: CPU = .cores(4), requestMemory: Memory = .gi(2), hugePages: Memory? = .mi(512),
        mountHugePages: Bool = true, capabilities: [Capability] = [.sysNice], nodeSelector: Labels = ["node-type": "fast"],
        tolerations: [Taint]? = nil, sidecarLimits: Bool = true
    ) -> (StatefulSet, line: Int) {
        let line = #line + 3
        let container = Container("engine", image: "registry.example.com/engine:1") {
            if mountHugePages { VolumeMount("hugepages", at: "/dev/hugepages") }
        }.resources(ResourceRequirements(
            requests: ComputeResources(cpu: requestCPU, memory: requestMemory, hugePages2Mi: hugePages),
            limits: ComputeResources(cpu: limitCPU, memory: .gi(2), hugePages2Mi: hugePages)))
        .securityContext(.restricted(runAsUser: 10001, addCapabilities: capabilities))
        let sidecar = Container("proxy", image: "registry.example.com/proxy:1") {}
            .resources(ResourceRequirements(
                requests: ComputeResources(cpu: .millicores(100), memory: .mi(64)),
                limits: sidecarLimits ? ComputeResources(cpu: .millicores(100), memory: .mi(64)) : ComputeResources()))
        let template = PodTemplate {
            container
            sidecar
            Volume("hugepages", .hugePages)
        }.nodeSelector(nodeSelector).tolerating(tolerations ?? [taint])
        return (StatefulSet("engine", selector: pods, serviceName: "engine", replicas: 1, template: template), line)
    }

    private func findings(_ workload: StatefulSet) -> [Diagnostic] {
        let environment = Environment("test", namespace: "test-ns") { workload }.contract(contract)
        let objects = EnvironmentResolver.resolve(environment).objects.map(\.resource)
        return Checks.run(on: environment, objects: objects).filter { $0.check == "performance" }
    }

    private func messages(_ workload: StatefulSet) -> [String] { findings(workload).map(\.message).sorted() }

    @Test func aPodThatMeetsEveryNeedHasNoFinding() {
        #expect(findings(engine().0).isEmpty)
    }

    @Test func eachGapIsAnErrorNamingTheSettingAtTheResourcesLine() {
        let (shared, line) = engine(requestCPU: .cores(2))
        let found = findings(shared)
        #expect(found.map(\.message) == ["performance.cpu_affinity cannot be honoured: the pod is not in the Guaranteed QoS class (container engine: CPU request 2 differs from its limit 4), so its CPUs are shared"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.location.line == line, "\(String(describing: found.first?.location))")
        #expect(found.first?.location.path.hasSuffix("PerformanceCheckTests.swift") == true)
    }

    @Test func everyNeedHasItsOwnFinding() {
        #expect(messages(engine(requestCPU: .millicores(3500), limitCPU: .millicores(3500)).0) == [
            "performance.cpu_affinity cannot be honoured: container engine is limited to 3500m CPU but needs 4 CPUs of its own",
            "performance.cpu_affinity cannot be honoured: container engine requests 3500m CPU, not whole CPUs, so the static CPU manager gives it none of its own",
        ])
        #expect(messages(engine(sidecarLimits: false).0) == [
            "performance.cpu_affinity cannot be honoured: the pod is not in the Guaranteed QoS class (container proxy: CPU and memory limits are required), so its CPUs are shared",
        ])
        #expect(messages(engine(requestMemory: .gi(1)).0) == [
            "performance.cpu_affinity cannot be honoured: the pod is not in the Guaranteed QoS class (container engine: memory request 1Gi differs from its limit 2Gi), so its CPUs are shared",
        ])
        #expect(messages(engine(hugePages: nil).0) == ["performance.huge_pages cannot be honoured: container engine requests no hugepages-2Mi; it needs at least 512Mi"])
        #expect(messages(engine(hugePages: .mi(256)).0) == ["performance.huge_pages cannot be honoured: container engine requests 256Mi hugepages-2Mi; it needs at least 512Mi"])
        #expect(messages(engine(mountHugePages: false).0) == ["performance.huge_pages cannot be honoured: container engine mounts no HugePages volume to map them from"])
        #expect(messages(engine(capabilities: []).0) == ["performance.thread_priority cannot be honoured: container engine does not add the capability SYS_NICE"])
        #expect(messages(engine(nodeSelector: .none).0) == ["performance.numa_node cannot be honoured: the pods do not select the fast node pool (nodeSelector node-type=fast)"])
        #expect(messages(engine(tolerations: []).0) == ["performance.numa_node cannot be honoured: the pods do not tolerate the fast node pool's taint node-type=fast:NoSchedule"])
        // Tolerating every value of the key tolerates the taint.
        #expect(messages(engine(tolerations: [Taint("node-type", nil, .noSchedule)]).0).isEmpty)
    }

    @Test func aRequirementOnAContainerThePodsDoNotRunIsAnError() {
        var contract = EnvironmentContract()
        contract.performance = [.init("performance.cpu_affinity", pods: pods, container: "missing", .exclusiveCPUs(1))]
        let environment = Environment("test", namespace: "test-ns") { engine().0 }.contract(contract)
        let objects = EnvironmentResolver.resolve(environment).objects.map(\.resource)
        #expect(Checks.run(on: environment, objects: objects).filter { $0.check == "performance" }.map(\.message)
            == ["performance.cpu_affinity applies to container missing, which the pods do not run"])
    }

    @Test func theModelWritesAndReadsHugePagesAndTolerations() {
        let template = engine().0.template
        let spec = template.generated(selector: pods).spec
        #expect(spec?.volumes?.first?.emptyDir?.medium == "HugePages-2Mi")
        #expect(spec?.containers.first?.resources?.limits?["hugepages-2Mi"]?.text == "512Mi")
        #expect(spec?.tolerations == [.init(effect: .noSchedule, key: "node-type", operator: .equal, value: "fast")])
    }
}
