/// `performance`: every performance setting the contract names can be honoured by the manifests. A
/// pinned thread needs CPUs of its own (a Guaranteed pod with whole CPUs), mapped huge pages need a
/// huge page request and volume, a raised priority needs `SYS_NICE`, and all of it needs the node
/// pool whose kubelet is configured for it. Each gap is an error naming the setting and what is
/// missing, at the container's line.
public enum PerformanceCheck: EnvironmentCheck {
    public static let id = "performance"

    public static func run(_ context: inout CheckContext) {
        let requirements = context.contract.performance
        guard !requirements.isEmpty else { return }
        for workload in context.workloads {
            let podLabels = workload.podLabels
            for requirement in requirements where requirement.pods.isSubset(of: podLabels) {
                guard let container = workload.template.containers.first(where: { $0.name == requirement.container }) else {
                    context.error(
                        "\(requirement.setting) applies to container \(requirement.container), which the pods do not run",
                        at: workload, field: "spec/template/spec/containers", location: workload.template.location)
                    continue
                }
                for gap in gaps(requirement.need, container, workload.template) {
                    context.error(
                        "\(requirement.setting) cannot be honoured: \(gap)", at: workload,
                        field: "spec/template/spec/containers/\(container.name)",
                        location: container.resources?.location ?? container.location)
                }
            }
        }
    }

    /// What the pod spec lacks for `need`, one sentence each.
    static func gaps(_ need: EnvironmentContract.PerformanceRequirement.Need, _ container: Container, _ template: PodTemplate) -> [String] {
        switch need {
        case .exclusiveCPUs(let count):
            var found: [String] = []
            let request = container.resources?.requests.cpu, limit = container.resources?.limits.cpu
            if let request, request.millicores % 1000 != 0 {
                found.append("container \(container.name) requests \(request.quantity) CPU, not whole CPUs, so the static CPU manager gives it none of its own")
            }
            if let limit, limit.millicores < count * 1000 {
                found.append("container \(container.name) is limited to \(limit.quantity) CPU but needs \(count) CPUs of its own")
            } else if limit == nil {
                found.append("container \(container.name) has no CPU limit; it needs \(count) whole CPUs requested and limited")
            }
            for other in template.allContainers {
                if let reason = notGuaranteed(other) {
                    found.append("the pod is not in the Guaranteed QoS class (container \(other.name): \(reason)), so its CPUs are shared")
                }
            }
            return found
        case .hugePages2Mi(let amount):
            var found: [String] = []
            let request = container.resources?.requests.hugePages2Mi, limit = container.resources?.limits.hugePages2Mi
            if (limit ?? request).map({ $0.bytes < amount.bytes }) ?? true {
                found.append("container \(container.name) requests \((limit ?? request)?.quantity ?? "no") hugepages-2Mi; it needs at least \(amount.quantity)")
            } else if request != limit {
                found.append("container \(container.name) has a hugepages-2Mi request different from its limit, which Kubernetes rejects")
            }
            let hugePageVolumes = Set(template.volumes.filter { if case .hugePages = $0.source { true } else { false } }.map(\.name))
            if !container.volumeMounts.contains(where: { hugePageVolumes.contains($0.volume) }) {
                found.append("container \(container.name) mounts no HugePages volume to map them from")
            }
            return found
        case .capability(let capability):
            guard container.securityContext?.addCapabilities.contains(capability) == true else {
                return ["container \(container.name) does not add the capability \(capability.name)"]
            }
            return []
        case .nodePool(let name, let labels, let taints):
            var found: [String] = []
            if !labels.isSubset(of: template.nodeSelector) {
                found.append("the pods do not select the \(name) node pool (nodeSelector \(labels.pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))")
            }
            for taint in taints where !template.tolerations.contains(where: { $0.tolerates(taint) }) {
                found.append("the pods do not tolerate the \(name) node pool's taint \(taint.key)=\(taint.value ?? ""):\(taint.effect.rawValue)")
            }
            return found
        }
    }

    /// Why a container keeps its pod out of the Guaranteed QoS class, or nil.
    private static func notGuaranteed(_ container: Container) -> String? {
        let requests = container.resources?.requests, limits = container.resources?.limits
        guard let cpuLimit = limits?.cpu, let memoryLimit = limits?.memory else { return "CPU and memory limits are required" }
        if let cpu = requests?.cpu, cpu != cpuLimit { return "CPU request \(cpu.quantity) differs from its limit \(cpuLimit.quantity)" }
        if let memory = requests?.memory, memory != memoryLimit { return "memory request \(memory.quantity) differs from its limit \(memoryLimit.quantity)" }
        return nil
    }
}
