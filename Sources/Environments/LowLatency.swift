import InfraDSL

/// How the config's `performance` section becomes the engine's pod spec, the node pools it runs on
/// and the contract the `performance` check holds the manifests to. All of it is derived from the
/// config, so each setting is written once. Development has no `performance` section: it runs on
/// general nodes without any of this (declared in `Development.settings`).
///
/// The choices, from the kubelet's CPU, topology and memory manager and huge page documentation:
/// - **CPUs.** Pinning means nothing while the CPUs are shared. The static CPU manager gives a
///   container CPUs of its own only when its pod is Guaranteed (requests equal to limits for every
///   container) and its CPU request is whole, so the config's constraints require exactly that, and
///   `cpu_affinity` names positions within the CPUs the container receives (the kubelet chooses the
///   host CPUs). `full-pcpus-only` hands them out as whole cores, so no other container runs on a
///   hot thread's hyperthread sibling.
/// - **NUMA.** The topology manager's `single-numa-node` policy at `pod` scope rejects the pod on a
///   node where its CPUs, memory and huge pages cannot come from one NUMA node, and the memory
///   manager's `Static` policy reserves its memory and huge pages on that node. Which node is the
///   kubelet's choice; the engine reports it and compares it with `numa_node`.
/// - **Huge pages.** Requested as `hugepages-2Mi` (request equal to limit, as Kubernetes requires)
///   and mounted through a `HugePages-2Mi` volume, from a pool each node reserves at boot: one
///   engine per node (the pods' anti-affinity), so the pool is one engine's worth.
/// - **Priority.** A raised thread priority needs `CAP_SYS_NICE`. It is the one capability added
///   back after dropping all; privilege escalation stays off. A non-root process keeps an added
///   capability only through the image: the engine binary carries it as a file capability
///   (`setcap cap_sys_nice+ep`), which the container's permitted set then allows. Where it is
///   missing, the engine refuses readiness and says why.
/// - **Placement.** The pool's nodes are labelled and tainted; the pods select the label and
///   tolerate the taint, so the engine lands only on configured nodes and nothing else takes them.
enum LowLatency {
    /// The label of nodes configured for pinned, NUMA-aligned pods.
    static let poolLabels: Labels = ["node-type": "high-performance"]
    /// Their taint: only pods that tolerate it (the engine's) are scheduled there.
    static let poolTaint = Taint("node-type", "high-performance", .noSchedule)
    /// The volume the engine maps huge pages from.
    static let hugePagesVolume = "hugepages"
    static let hugePagesPath = "/dev/hugepages"

    /// One group of identical nodes configured for the engine.
    struct Pool {
        let name: String
        let instanceType: String
        /// vCPUs of the instance type (two hyperthreads per core).
        let vcpus: Int
        let nodes: Int
    }

    /// The container's resources: the config's, plus its huge pages.
    static func resources(_ config: AppConfig) -> ResourceRequirements {
        let base = config.resources
        let hugePages = config.performance.flatMap { $0.hugePages ? $0.hugePagesMemory : nil }
        return ResourceRequirements(
            requests: ComputeResources(cpu: base.cpu.request, memory: base.memory.request, hugePages2Mi: hugePages),
            limits: ComputeResources(cpu: base.cpu.limit, memory: base.memory.limit, hugePages2Mi: hugePages),
            at: base.location)
    }

    /// The capabilities the engine container adds back after dropping all.
    static func capabilities(_ config: AppConfig) -> [Capability] {
        guard let performance = config.performance, performance.threadPriority != .normal else { return [] }
        return [.sysNice]
    }

    /// Whether the engine maps huge pages.
    static func mapsHugePages(_ config: AppConfig) -> Bool { config.performance?.hugePages == true }

    /// The pod template placed on the engine's pools, with its huge page volume.
    static func place(_ template: PodTemplate, _ config: AppConfig) -> PodTemplate {
        guard config.performance != nil else { return template }
        return template.nodeSelector(template.nodeSelector.merging(poolLabels)).tolerating([poolTaint])
    }

    /// What the `performance` check requires of the engine's pods, one need per setting.
    static func requirements(_ config: AppConfig, pods: Labels) -> [EnvironmentContract.PerformanceRequirement] {
        config.performance.map { requirements($0, pods: pods) } ?? []
    }

    /// What the `performance` check requires of the pods for one performance section (also one read
    /// from a linted system's config file). Huge pages without an amount need at least one page.
    static func requirements(_ performance: PerformanceConfig, pods: Labels) -> [EnvironmentContract.PerformanceRequirement] {
        let engine = Common.engineName
        var found: [EnvironmentContract.PerformanceRequirement] = [
            .init("performance.cpu_affinity", pods: pods, container: engine, .exclusiveCPUs(performance.cpusNeeded ?? 1)),
            .init("performance.numa_node", pods: pods, container: engine, .nodePool(name: "high-performance", labels: poolLabels, taints: [poolTaint])),
        ]
        if performance.threadPriority != .normal {
            found.append(.init("performance.thread_priority", pods: pods, container: engine, .capability(.sysNice)))
        }
        if performance.hugePages {
            found.append(.init("performance.huge_pages", pods: pods, container: engine, .hugePages2Mi(performance.hugePagesMemory ?? .mi(2))))
        }
        return found
    }

    /// The node pools the environment's engines need, with the kubelet settings that honour the
    /// pod spec: the engine's sysctls outside Kubernetes' safe set are allowed.
    static func nodePools(_ stage: Stage) -> [NodePoolRequirements] {
        let config = stage.config
        guard let performance = config.performance else { return [] }
        let hugePagePages = performance.hugePages ? Int((performance.hugePagesMemory?.bytes ?? 0) >> 21) : 0
        let unsafe = TradingEngine.sysctls(stage).map(\.name).filter { !safeSysctls.contains($0) }
        return stage.nodePools.map { pool in
            NodePoolRequirements(
                name: pool.name, instanceType: pool.instanceType, nodes: pool.nodes, labels: poolLabels.merging(["node.kubernetes.io/instance-type": pool.instanceType]),
                taints: [poolTaint], hugePages2MiPerNode: hugePagePages,
                kubelet: KubeletConfiguration(
                    // The first core's two hyperthreads (vCPU 0 and its sibling, numbered after every
                    // core's first thread on these instances) stay with the system: whole cores, as
                    // full-pcpus-only hands out.
                    reservedCPUs: "0,\(pool.vcpus / 2)",
                    systemMemory: .gi(1), kubeMemory: .gi(1), evictionMemory: .mi(500),
                    allowedUnsafeSysctls: unsafe))
        }
    }

    /// Kubernetes' safe sysctls (1.32): any pod may set them without the kubelet allowing it.
    static let safeSysctls: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
    ]
}
