import EngineConfig
#if canImport(Glibc)
import Glibc
#endif

/// Pins the process to the CPUs of `performance.cpu_affinity` (or `CPU_AFFINITY`).
enum CPUAffinity {
    /// Applies `list` to the whole process; returns the reason when the kernel refuses (CPUs the
    /// machine does not have, a cpuset that excludes them).
    static func apply(_ list: CPUList) -> String? {
        #if os(Linux)
        var set = cpu_set_t()
        let bitsPerWord = MemoryLayout<Int>.size * 8
        let capacity = MemoryLayout<cpu_set_t>.size * 8
        withUnsafeMutableBytes(of: &set) { raw in
            let words = raw.bindMemory(to: Int.self)
            for cpu in list.cpus where cpu < capacity {
                words[cpu / bitsPerWord] |= 1 << (cpu % bitsPerWord)
            }
        }
        // Glibc declares sched_setaffinity only under _GNU_SOURCE, which the Swift overlay does not
        // set; the symbol itself is in every glibc.
        typealias SetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32
        guard let symbol = dlsym(nil, "sched_setaffinity") else {  // nil is RTLD_DEFAULT
            return "sched_setaffinity is not available"
        }
        let setAffinity = unsafeBitCast(symbol, to: SetAffinity.self)
        let result = withUnsafePointer(to: &set) { setAffinity(0, MemoryLayout<cpu_set_t>.size, $0) }
        return result == 0 ? nil : String(cString: strerror(errno))
        #else
        return "CPU affinity is only supported on Linux"
        #endif
    }
}
