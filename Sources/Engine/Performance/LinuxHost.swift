import EngineConfig
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The Linux system calls and files behind ``PerformanceHost``.
struct LinuxHost: PerformanceHost {
    /// The cgroup file system.
    var cgroupRoot = "/sys/fs/cgroup"

    func effectiveCPUs() -> (cpus: [Int], source: String)? {
        // The cgroup's effective cpuset: what the kubelet's CPU manager gave the container.
        let memberships = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        for line in memberships.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = fields[2] == "/" ? "" : String(fields[2])
            let candidate: String?
            if fields[0] == "0" && fields[1].isEmpty {
                candidate = "\(cgroupRoot)\(path)/cpuset.cpus.effective"  // cgroup v2
            } else if fields[1].split(separator: ",").contains("cpuset") {
                candidate = "\(cgroupRoot)/cpuset\(path)/cpuset.effective_cpus"  // cgroup v1
            } else {
                candidate = nil
            }
            if let candidate, let text = try? String(contentsOfFile: candidate, encoding: .utf8),
               let list = CPUListText.parse(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return (list, candidate)
            }
        }
        // No cpuset controller: the process's own affinity, which the cpuset bounds.
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("Cpus_allowed_list:") {
            if let list = CPUListText.parse(line.dropFirst("Cpus_allowed_list:".count).trimmingCharacters(in: .whitespaces)) {
                return (list, "/proc/self/status")
            }
        }
        return nil
    }

    func threads() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []).compactMap { Int32($0) }.sorted()
    }

    func pin(thread: Int32, to cpus: [Int]) -> String? {
        #if os(Linux)
        var set = cpu_set_t()
        let bitsPerWord = MemoryLayout<Int>.size * 8
        let capacity = MemoryLayout<cpu_set_t>.size * 8
        withUnsafeMutableBytes(of: &set) { raw in
            let words = raw.bindMemory(to: Int.self)
            for cpu in cpus where cpu < capacity { words[cpu / bitsPerWord] |= 1 << (cpu % bitsPerWord) }
        }
        // Glibc declares sched_setaffinity only under _GNU_SOURCE, which the Swift overlay does not
        // set; the symbol itself is in every glibc.
        typealias SetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32
        guard let symbol = dlsym(nil, "sched_setaffinity") else { return "sched_setaffinity is not available" }
        let result = withUnsafePointer(to: &set) { unsafeBitCast(symbol, to: SetAffinity.self)(thread, MemoryLayout<cpu_set_t>.size, $0) }
        return result == 0 ? nil : Self.failure()
        #else
        return "CPU affinity is only supported on Linux"
        #endif
    }

    func setNice(thread: Int32, _ value: Int32) -> String? {
        #if os(Linux)
        // setpriority(PRIO_PROCESS, tid, value) sets one thread's nice value on Linux.
        typealias SetPriority = @convention(c) (Int32, UInt32, Int32) -> Int32
        guard let symbol = dlsym(nil, "setpriority") else { return "setpriority is not available" }
        return unsafeBitCast(symbol, to: SetPriority.self)(0, UInt32(bitPattern: thread), value) == 0 ? nil : Self.failure()
        #else
        return "thread priority is only supported on Linux"
        #endif
    }

    func setFIFO(thread: Int32, priority: Int32) -> String? {
        #if os(Linux)
        typealias SetScheduler = @convention(c) (pid_t, Int32, UnsafePointer<Int32>) -> Int32
        guard let symbol = dlsym(nil, "sched_setscheduler") else { return "sched_setscheduler is not available" }
        var parameter = priority  // struct sched_param { int sched_priority; }
        let fifo: Int32 = 1  // SCHED_FIFO
        return unsafeBitCast(symbol, to: SetScheduler.self)(thread, fifo, &parameter) == 0 ? nil : Self.failure()
        #else
        return "real-time scheduling is only supported on Linux"
        #endif
    }

    #if os(Linux)
    /// Why the last call failed; nil when the thread ended between listing and setting it (a
    /// thread that no longer runs needs no setting).
    private static func failure() -> String? {
        errno == ESRCH ? nil : String(cString: strerror(errno))
    }
    #endif

    func mapHugePages(bytes: Int) -> String? {
        #if os(Linux)
        // MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB (2 MiB, the default size) | MAP_POPULATE: the
        // pages are taken from the pool now, so a short pool fails here, not on first touch.
        let flags: Int32 = 0x02 | 0x20 | 0x40000 | 0x8000
        let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, flags, -1, 0)
        if address == MAP_FAILED { return String(cString: strerror(errno)) }
        return nil
        #else
        return "huge pages are only supported on Linux"
        #endif
    }

    func numaNode(ofCPU cpu: Int) -> Int? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/devices/system/cpu/cpu\(cpu)")) ?? []
        return entries.lazy.filter { $0.hasPrefix("node") }.compactMap { Int($0.dropFirst(4)) }.first
    }
}

/// The Linux CPU list format of cpusets and `/proc` (`0-3,8`).
enum CPUListText {
    static func parse(_ text: String) -> [Int]? {
        if text.isEmpty { return [] }
        return CPUList(text)?.cpus
    }

    /// The shortest list text for `cpus` (`0-3,8`).
    static func format(_ cpus: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < cpus.count {
            var end = index
            while end + 1 < cpus.count, cpus[end + 1] == cpus[end] + 1 { end += 1 }
            parts.append(end == index ? "\(cpus[index])" : "\(cpus[index])-\(cpus[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
