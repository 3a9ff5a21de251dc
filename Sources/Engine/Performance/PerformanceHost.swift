/// What the engine asks of the operating system to honour its performance settings. The engine
/// uses ``LinuxHost``; tests give a host that refuses, to exercise the paths this machine cannot
/// (no huge pages, no real-time scheduling).
protocol PerformanceHost {
    /// The CPUs the container may run on (its cgroup's effective cpuset), ascending, and where the
    /// list was read; nil when it cannot be read.
    func effectiveCPUs() -> (cpus: [Int], source: String)?
    /// Every thread of the process.
    func threads() -> [Int32]
    /// Pins thread `thread` to `cpus`; the reason when the kernel refuses.
    func pin(thread: Int32, to cpus: [Int]) -> String?
    /// Sets thread `thread`'s nice value; the reason when refused.
    func setNice(thread: Int32, _ value: Int32) -> String?
    /// Gives thread `thread` the real-time FIFO policy at `priority`; the reason when refused.
    func setFIFO(thread: Int32, priority: Int32) -> String?
    /// Maps `bytes` of anonymous memory in 2 MiB huge pages, populated now; the reason when it cannot.
    /// The mapping lives as long as the process.
    func mapHugePages(bytes: Int) -> String?
    /// The NUMA node of `cpu`, when the system says.
    func numaNode(ofCPU cpu: Int) -> Int?
}
