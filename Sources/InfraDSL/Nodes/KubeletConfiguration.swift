import KubernetesAPI

/// The kubelet's configuration file (`kubelet.config.k8s.io/v1beta1`, `KubeletConfiguration`): the
/// part of it a node pool for latency-critical pods must set. A node group's bootstrap passes it with
/// `--config`. Decoded strictly, so a misspelt field in a file read back is an error.
public struct KubeletConfiguration: Codable, Hashable, Sendable {
    /// Memory withheld from pods on one NUMA node (the memory manager's `reservedMemory`).
    public struct ReservedMemory: Codable, Hashable, Sendable {
        public var numaNode: Int
        public var limits: StringMap<String>

        public init(numaNode: Int, limits: StringMap<String>) {
            self.numaNode = numaNode
            self.limits = limits
        }
    }

    public var apiVersion = "kubelet.config.k8s.io/v1beta1"
    public var kind = "KubeletConfiguration"
    /// `static`: a Guaranteed container with whole CPUs gets CPUs no other container runs on.
    public var cpuManagerPolicy: String
    /// `full-pcpus-only: "true"`: exclusive CPUs come as whole physical cores, so no other
    /// container runs on a pinned thread's hyperthread sibling.
    public var cpuManagerPolicyOptions: StringMap<String>?
    /// `single-numa-node`: a pod whose CPUs, memory and huge pages cannot come from one NUMA node
    /// is rejected by the node rather than run with cross-node memory access.
    public var topologyManagerPolicy: String
    /// `pod`: the whole pod aligned to one NUMA node, not each container separately.
    public var topologyManagerScope: String
    /// `Static`: a Guaranteed pod's memory and huge pages are reserved on its NUMA node.
    public var memoryManagerPolicy: String
    /// The CPUs the kubelet, the runtime and the system keep; never given to a pod.
    public var reservedSystemCPUs: String
    public var systemReserved: StringMap<String>
    public var kubeReserved: StringMap<String>
    public var evictionHard: StringMap<String>
    /// Must equal `systemReserved` + `kubeReserved` + the hard eviction threshold of memory, which the
    /// kubelet checks at start-up; ``init(reservedCPUs:systemMemory:kubeMemory:evictionMemory:allowedUnsafeSysctls:)``
    /// computes it so.
    public var reservedMemory: [ReservedMemory]
    /// Namespaced sysctls outside Kubernetes' safe set that pods on these nodes may set.
    public var allowedUnsafeSysctls: [String]?

    /// The settings of a node pool for pinned, NUMA-aligned pods. Memory amounts in MiB.
    public init(reservedCPUs: String, systemMemory: Memory, kubeMemory: Memory, evictionMemory: Memory, allowedUnsafeSysctls: [String]) {
        cpuManagerPolicy = "static"
        cpuManagerPolicyOptions = ["full-pcpus-only": "true"]
        topologyManagerPolicy = "single-numa-node"
        topologyManagerScope = "pod"
        memoryManagerPolicy = "Static"
        reservedSystemCPUs = reservedCPUs
        systemReserved = ["memory": systemMemory.quantity]
        kubeReserved = ["memory": kubeMemory.quantity]
        evictionHard = ["memory.available": evictionMemory.quantity]
        let reserved = Memory.bytes(systemMemory.bytes + kubeMemory.bytes + evictionMemory.bytes)
        reservedMemory = [ReservedMemory(numaNode: 0, limits: ["memory": reserved.quantity])]
        self.allowedUnsafeSysctls = allowedUnsafeSysctls.isEmpty ? nil : allowedUnsafeSysctls
    }
}

extension KubeletConfiguration: ValueConstraints {
    public func constraintViolations() -> [ConstraintViolation] {
        var found: [ConstraintViolation] = []
        let parts = [systemReserved["memory"], kubeReserved["memory"], evictionHard["memory.available"]]
        let expected = parts.compactMap { $0.flatMap(QuantityParser.bytes) }.reduce(0, +)
        let reserved = reservedMemory.compactMap { $0.limits["memory"].flatMap(QuantityParser.bytes) }.reduce(0, +)
        if memoryManagerPolicy == "Static", reserved != expected {
            found.append(ConstraintViolation(
                field: "reservedMemory",
                message: "reserves \(reserved) bytes, but systemReserved + kubeReserved + evictionHard memory.available are \(expected); the kubelet does not start"))
        }
        if cpuManagerPolicy == "static", reservedSystemCPUs.isEmpty {
            found.append(ConstraintViolation(field: "reservedSystemCPUs", message: "the static CPU manager needs CPUs reserved for the system"))
        }
        return found
    }
}
