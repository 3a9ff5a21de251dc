extension EnvironmentContract {
    /// What a latency-critical container needs of its pod spec and its nodes so that a performance
    /// setting can be honoured: `PerformanceRequirement("performance.huge_pages", pods: engine,
    /// container: "engine", .hugePages2Mi(.gi(1)))`. The `performance` check holds the manifests
    /// against each one.
    public struct PerformanceRequirement: Hashable, Sendable {
        /// One need.
        public enum Need: Hashable, Sendable {
            /// `count` whole CPUs of its own. The kubelet's static CPU manager gives exclusive CPUs
            /// only to a container of a Guaranteed pod (every container's requests equal to its
            /// limits) whose CPU request is a whole number.
            case exclusiveCPUs(Int)
            /// At least this much memory in 2 MiB huge pages: requested (request equal to limit)
            /// and mounted through a `HugePages` volume.
            case hugePages2Mi(Memory)
            /// A capability added to the container (`SYS_NICE` for a raised thread priority).
            case capability(Capability)
            /// Scheduled only on a node pool configured for it: its labels selected, its taints
            /// tolerated.
            case nodePool(name: String, labels: Labels, taints: [Taint])
        }

        /// The setting that needs it, as messages name it (`performance.cpu_affinity`).
        public let setting: String
        /// The pods it applies to.
        public let pods: Labels
        /// The container within them.
        public let container: String
        public let need: Need

        /// A requirement of `setting` on one container of the pods with `pods` labels.
        public init(_ setting: String, pods: Labels, container: String, _ need: Need) {
            self.setting = setting
            self.pods = pods
            self.container = container
            self.need = need
        }
    }
}
