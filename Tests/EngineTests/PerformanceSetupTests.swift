import EngineConfig
import InfraDSL
import Foundation
import Testing
@testable import Engine

/// The performance section applied at start-up: pinning within the container's own cpuset, priority,
/// huge pages and NUMA, each honoured or refused (staging, production) or noted (development).
@Suite struct PerformanceSetupTests {
    /// A host that does what it is told, or refuses what `refusing` names.
    final class FakeHost: PerformanceHost, @unchecked Sendable {
        var cpuset: [Int]?
        var nodes: [Int: Int] = [:]
        var refusing: Set<String> = []
        var pinned: [Int32: [Int]] = [:]
        var nice: [Int32: Int32] = [:]
        var fifo: [Int32: Int32] = [:]
        var mapped: [Int] = []

        init(cpuset: [Int]?) { self.cpuset = cpuset }

        func effectiveCPUs() -> (cpus: [Int], source: String)? { cpuset.map { ($0, "cpuset.cpus.effective") } }
        func threads() -> [Int32] { [101, 102] }
        func pin(thread: Int32, to cpus: [Int]) -> String? {
            if refusing.contains("pin") { return "Invalid argument" }
            pinned[thread] = cpus
            return nil
        }
        func setNice(thread: Int32, _ value: Int32) -> String? {
            if refusing.contains("nice") { return "Permission denied" }
            nice[thread] = value
            return nil
        }
        func setFIFO(thread: Int32, priority: Int32) -> String? {
            if refusing.contains("fifo") { return "Operation not permitted" }
            fifo[thread] = priority
            return nil
        }
        func mapHugePages(bytes: Int) -> String? {
            if refusing.contains("huge") { return "Cannot allocate memory" }
            mapped.append(bytes)
            return nil
        }
        func numaNode(ofCPU cpu: Int) -> Int? { nodes[cpu] }
    }

    private func performance(_ affinity: String = "0-1", _ priority: ThreadPriority = .high, hugePages: Memory? = .mi(4), numa: Int = 0) -> PerformanceConfig {
        PerformanceConfig(cpuAffinity: affinity, threadPriority: priority, hugePages: hugePages != nil, hugePagesMemory: hugePages, numaNode: numa)
    }

    @Test func positionsAreTakenFromTheContainersOwnCPUsAndEverySettingIsApplied() {
        let host = FakeHost(cpuset: [4, 5, 12, 13])
        host.nodes = [4: 1, 5: 1, 12: 1, 13: 1]
        let report = PerformanceSetup.apply(performance("1-2"), tier: .prod, host: host)
        #expect(report.pinned == [5, 12])
        #expect(host.pinned == [101: [5, 12], 102: [5, 12]])
        #expect(host.nice == [101: -10, 102: -10])
        #expect(host.mapped == [4 << 20])
        #expect(report.refused.isEmpty)
        #expect(report == PerformanceReport(cpuset: [4, 5, 12, 13], pinned: [5, 12], policy: "SCHED_OTHER", priority: -10, hugePagesBytes: 4 << 20, numaNode: 1, refused: [],
                                            notes: ["numa_node 0: the pinned CPUs are on NUMA node 1, which the kubelet chose"]))
        let realtime = PerformanceSetup.apply(performance("0", .realtime, hugePages: nil), tier: .prod, host: FakeHost(cpuset: [0, 1]))
        #expect(realtime.policy == "SCHED_FIFO" && realtime.priority == PerformanceSetup.realtimePriority && realtime.hugePagesBytes == 0)
    }

    @Test func whatCannotBeHonouredIsRefusedInStagingAndProductionAndNotedInDevelopment() {
        let host = FakeHost(cpuset: [2, 3])
        host.refusing = ["nice", "huge"]
        let expected = [
            "cpu_affinity 0-7 needs 8 CPUs of the container's own, it has 2 (2-3 in cpuset.cpus.effective)",
            "thread_priority high: nice -10 refused (Permission denied); it needs CAP_SYS_NICE",
            "huge_pages: mapping 4Mi in 2 MiB pages failed (Cannot allocate memory); the pod must request hugepages-2Mi from a node that reserves them",
        ]
        for tier in [Tier.staging, .prod] {
            let report = PerformanceSetup.apply(performance("0-7"), tier: tier, host: host)
            #expect(report.refused == expected, "\(tier)")
            #expect(report.pinned.isEmpty && report.priority == 0 && report.hugePagesBytes == 0)
        }
        let development = PerformanceSetup.apply(performance("0-7"), tier: .dev, host: host)
        #expect(development.refused.isEmpty)
        #expect(development.notes == expected)

        host.refusing = ["pin", "fifo"]
        #expect(PerformanceSetup.apply(performance("0", .realtime, hugePages: nil), tier: .prod, host: host).refused == [
            "cpu_affinity 0: pinning to CPUs 2 failed (thread 101: Invalid argument)",
            "thread_priority realtime: SCHED_FIFO 40 refused (Operation not permitted); it needs CAP_SYS_NICE",
        ])
        #expect(PerformanceSetup.apply(performance("0", .normal, hugePages: nil), tier: .prod, host: FakeHost(cpuset: nil)).refused
            == ["cpu_affinity 0: the container's cpuset cannot be read"])
        let spanning = FakeHost(cpuset: [0, 1])
        spanning.nodes = [0: 0, 1: 1]
        #expect(PerformanceSetup.apply(performance("0-1", .normal, hugePages: nil), tier: .prod, host: spanning).refused
            == ["numa_node 0: the pinned CPUs span NUMA nodes 0,1"])
    }

    @Test func withoutAPerformanceSectionNothingIsTouched() {
        let host = FakeHost(cpuset: [0, 1])
        let report = PerformanceSetup.apply(nil, tier: .prod, host: host)
        #expect(report == PerformanceReport(cpuset: [0, 1]))
        #expect(host.pinned.isEmpty && host.nice.isEmpty && host.mapped.isEmpty)
    }

    /// The real host, on this machine: the cpuset is what the kernel says the process may use, the
    /// process's threads pin within it, and a huge page mapping fails where the node reserves none.
    @Test func theLinuxHostReadsTheCpusetPinsWithinItAndRefusesMissingHugePages() throws {
        let host = LinuxHost()
        let cpuset = try #require(host.effectiveCPUs())
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let allowed = try #require(status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") })
        let own = try #require(CPUListText.parse(allowed.dropFirst("Cpus_allowed_list:".count).trimmingCharacters(in: .whitespaces)))
        #expect(Set(own).isSubset(of: Set(cpuset.cpus)), "\(own) not within \(cpuset)")
        // Every CPU the process may use, by position: pinning changes nothing a test relies on.
        let positions = own.count == 1 ? "0" : "0-\(own.count - 1)"
        let report = PerformanceSetup.apply(performance(positions, .normal, hugePages: nil), tier: .prod, host: StatusHost(own: own))
        #expect(report.refused.isEmpty, "\(report.refused)")
        #expect(report.pinned == own)
        let meminfo = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        if meminfo.contains("HugePages_Total:       0") {
            let refused = PerformanceSetup.apply(performance(positions, .normal, hugePages: .mi(2)), tier: .staging, host: StatusHost(own: own)).refused
            #expect(refused.count == 1 && refused[0].hasPrefix("huge_pages: mapping 2Mi in 2 MiB pages failed ("), "\(refused)")
        }
        #expect(CPUListText.format([0, 1, 2, 5, 7, 8]) == "0-2,5,7-8")
    }

    /// The Linux host with the process's own allowed CPUs as its cpuset (a test process may run in a
    /// cgroup whose cpuset is wider than what its parent let it use).
    struct StatusHost: PerformanceHost {
        let own: [Int]
        let linux = LinuxHost()
        func effectiveCPUs() -> (cpus: [Int], source: String)? { (own, "/proc/self/status") }
        func threads() -> [Int32] { linux.threads() }
        func pin(thread: Int32, to cpus: [Int]) -> String? { linux.pin(thread: thread, to: cpus) }
        func setNice(thread: Int32, _ value: Int32) -> String? { linux.setNice(thread: thread, value) }
        func setFIFO(thread: Int32, priority: Int32) -> String? { linux.setFIFO(thread: thread, priority: priority) }
        func mapHugePages(bytes: Int) -> String? { linux.mapHugePages(bytes: bytes) }
        func numaNode(ofCPU cpu: Int) -> Int? { linux.numaNode(ofCPU: cpu) }
    }

    @Test func aRefusalKeepsTheEngineUnreadyAndSaysWhy() {
        let board = ReadinessBoard(required: ["postgres"], refused: ["huge_pages: mapping failed"])
        board.record("postgres", .init(up: true, error: nil, milliseconds: 1))
        let (ready, body) = board.report()
        #expect(!ready && !board.isReady)
        #expect(body.refused == ["huge_pages: mapping failed"] && body.status == "unready" && body.failing.isEmpty)
        let fine = ReadinessBoard(required: ["postgres"])
        fine.record("postgres", .init(up: true, error: nil, milliseconds: 1))
        #expect(fine.isReady)
    }

    @Test func whatTheEngineGotIsExported() {
        let metrics = EngineMetrics()
        metrics.recordPerformance(PerformanceReport(cpuset: [0, 1, 2, 3], pinned: [2, 3], policy: "SCHED_FIFO", priority: 40, hugePagesBytes: 1 << 30, numaNode: 0, refused: ["x"]))
        let lines = Set(String(decoding: metrics.exposition(), as: UTF8.self).split(separator: "\n").map(String.init))
        for expected in [
            "engine_pinned_cpus 2.0", "engine_cpuset_cpus 4.0", "engine_huge_pages_mapped_bytes 1073741824.0",
            #"engine_thread_priority{policy="SCHED_FIFO"} 40.0"#, "engine_numa_node 0.0", "engine_performance_refusals 1.0",
        ] {
            #expect(lines.contains(expected), "\(expected) not in \(lines.sorted())")
        }
    }
}
