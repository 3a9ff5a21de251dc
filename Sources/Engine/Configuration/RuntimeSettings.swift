import EngineConfig

/// Everything the engine runs with: the config file's ``AppConfig`` with the environment variables
/// the manifests set applied on top, and the connection details that only the environment holds
/// (credentials). Built once at start-up by ``RuntimeSettings/resolve(config:environment:)``.
struct RuntimeSettings: Sendable {
    /// The effective config: the file's, with `LOG_LEVEL`, `DEBUG_MODE` and `CPU_AFFINITY` applied.
    var config: AppConfig
    var database: DatabaseEndpoint
    /// The Redis servers readiness pings: one when standalone, every node of a cluster.
    var redis: [RedisEndpoint]
    /// The CPUs to pin the process to, when set.
    var cpuAffinity: CPUList?
    /// The environment variables that changed a setting, by name, in the order applied. Secrets
    /// are included by name; ``DebugConfigView`` redacts their values.
    var overrides: [(name: String, value: String)]
    /// Variables that were set but lost to one of higher precedence (`DATABASE_HOST` beside
    /// `DATABASE_URL`, say): logged as a warning at start-up, so nobody wonders why a change did nothing.
    var ignored: [String] = []
}
