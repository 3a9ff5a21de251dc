import EngineConfig

/// What the engine got of its performance settings: exported as metrics, logged at start-up, and,
/// where a tier requires a setting the engine could not honour, the reasons readiness is refused.
struct PerformanceReport: Sendable, Equatable {
    /// The container's CPUs (its effective cpuset).
    var cpuset: [Int] = []
    /// The CPUs the engine's threads are pinned to; empty when not pinned.
    var pinned: [Int] = []
    /// `SCHED_OTHER` or `SCHED_FIFO`.
    var policy = "SCHED_OTHER"
    /// The nice value under `SCHED_OTHER`, the real-time priority under `SCHED_FIFO`.
    var priority: Int32 = 0
    var hugePagesBytes = 0
    /// The NUMA node of the pinned CPUs, when they are on one.
    var numaNode: Int?
    /// Settings that could not be honoured in a tier that requires them: each keeps the engine unready.
    var refused: [String] = []
    /// Settings not honoured where the tier allows it, and other facts worth a log line.
    var notes: [String] = []
}

/// Applies the config's `performance` section at start-up, before the servers start.
///
/// Staging and production require every setting: what cannot be honoured is refused readiness with
/// the reason (the pod then gets no traffic and the rollout stops at it, with the reason on
/// `/health/ready` and in the log), rather than exiting, so the reason stays readable and the
/// engine's other checks keep reporting. Development runs without what it cannot get, noted.
enum PerformanceSetup {
    /// The nice value of `thread_priority: high` (the range is -20 to 19).
    static let highNice: Int32 = -10
    /// The `SCHED_FIFO` priority of `thread_priority: realtime` (1 to 99): above the kernel's own
    /// threaded interrupt handlers' default of 50 would starve them, so below it.
    static let realtimePriority: Int32 = 40

    static func apply(_ performance: PerformanceConfig?, tier: Tier, host: some PerformanceHost) -> PerformanceReport {
        var report = PerformanceReport()
        let cpuset = host.effectiveCPUs()
        report.cpuset = cpuset?.cpus ?? []
        guard let performance else { return report }
        var problems: [String] = []
        let threads = host.threads()

        // Pinning: positions in the container's own cpuset, never host CPU numbers.
        if let positions = CPUList(performance.cpuAffinity)?.cpus, let last = positions.last {
            if let cpuset, last < cpuset.cpus.count {
                let chosen = positions.map { cpuset.cpus[$0] }
                let failures = threads.compactMap { thread in host.pin(thread: thread, to: chosen).map { "thread \(thread): \($0)" } }
                if let failure = failures.first {
                    problems.append("cpu_affinity \(performance.cpuAffinity): pinning to CPUs \(CPUListText.format(chosen)) failed (\(failure))")
                } else {
                    report.pinned = chosen
                }
            } else if let cpuset {
                problems.append("cpu_affinity \(performance.cpuAffinity) needs \(last + 1) CPUs of the container's own, it has \(cpuset.cpus.count) (\(CPUListText.format(cpuset.cpus)) in \(cpuset.source))")
            } else {
                problems.append("cpu_affinity \(performance.cpuAffinity): the container's cpuset cannot be read")
            }
        }

        // NUMA: the kubelet's topology manager picks the node; a pod across nodes is refused.
        let nodes = Set(report.pinned.compactMap(host.numaNode(ofCPU:)))
        if nodes.count == 1, let node = nodes.first {
            report.numaNode = node
            if node != performance.numaNode {
                report.notes.append("numa_node \(performance.numaNode): the pinned CPUs are on NUMA node \(node), which the kubelet chose")
            }
        } else if nodes.count > 1 {
            problems.append("numa_node \(performance.numaNode): the pinned CPUs span NUMA nodes \(nodes.sorted().map(String.init).joined(separator: ","))")
        }

        // Priority: every thread; threads made later inherit it.
        switch performance.threadPriority {
        case .normal:
            break
        case .high:
            if let failure = threads.lazy.compactMap({ host.setNice(thread: $0, highNice) }).first {
                problems.append("thread_priority high: nice \(highNice) refused (\(failure)); it needs CAP_SYS_NICE")
            } else {
                report.priority = highNice
            }
        case .realtime:
            if let failure = threads.lazy.compactMap({ host.setFIFO(thread: $0, priority: realtimePriority) }).first {
                problems.append("thread_priority realtime: SCHED_FIFO \(realtimePriority) refused (\(failure)); it needs CAP_SYS_NICE")
            } else {
                report.policy = "SCHED_FIFO"
                report.priority = realtimePriority
            }
        }

        // Huge pages: the whole pool mapped now, so a short pool is found at start-up.
        if performance.hugePages {
            let bytes = Int(performance.hugePagesMemory?.bytes ?? 2 << 20)
            if let failure = host.mapHugePages(bytes: bytes) {
                problems.append("huge_pages: mapping \(bytes >> 20)Mi in 2 MiB pages failed (\(failure)); the pod must request hugepages-2Mi from a node that reserves them")
            } else {
                report.hugePagesBytes = bytes
            }
        }

        switch tier {
        case .staging, .prod: report.refused = problems
        case .dev: report.notes += problems
        }
        return report
    }
}
