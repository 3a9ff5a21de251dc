/// The metrics the engine exports: one definition, read by the engine when it records them and by
/// the alert rules (and their tests) that read them, so a rename cannot leave an alert watching a
/// series nobody exports.
public enum EngineMetricNames {
    /// Counter of finished HTTP requests, labelled ``method``, ``path`` and ``status`` (the code).
    public static let httpRequests = "http_requests_total"
    /// Histogram of HTTP request durations, labelled ``method`` and ``path``.
    public static let httpRequestDuration = "http_request_duration_seconds"
    /// Gauge, 1 while the named ``dependency`` answers its check.
    public static let dependencyUp = "engine_dependency_up"
    /// Histogram of dependency check durations, labelled ``dependency``.
    public static let dependencyCheckDuration = "engine_dependency_check_duration_seconds"
    /// Gauge of the PostgreSQL pool's size.
    public static let databasePoolMaxConnections = "engine_database_pool_max_connections"
    /// Gauge, always 1, labelled with the version, environment, tier and config fingerprint.
    public static let info = "engine_info"
    /// Gauge, 1 while readiness passes.
    public static let ready = "engine_ready"
    /// Counter of synthetic market-data ticks, labelled ``symbol``.
    public static let marketDataTicks = "market_data_ticks_total"
    /// Gauge of the last synthetic price, labelled ``symbol``.
    public static let marketDataLastPrice = "market_data_last_price"
    /// Gauge of the CPUs the engine's threads are pinned to (0: not pinned).
    public static let pinnedCPUs = "engine_pinned_cpus"
    /// Gauge of the CPUs in the container's cpuset.
    public static let cpusetCPUs = "engine_cpuset_cpus"
    /// Gauge of the bytes mapped in huge pages.
    public static let hugePagesMapped = "engine_huge_pages_mapped_bytes"
    /// Gauge of the threads' priority (nice value, or real-time priority), labelled ``policy``.
    public static let threadPriority = "engine_thread_priority"
    /// Gauge of the NUMA node of the pinned CPUs (-1: not pinned or not on one node).
    public static let numaNode = "engine_numa_node"
    /// Gauge of the performance settings that could not be honoured where the tier requires them.
    public static let performanceRefusals = "engine_performance_refusals"

    /// The label naming the HTTP method.
    public static let method = "method"
    /// The label naming the route.
    public static let path = "path"
    /// The label holding the HTTP status code.
    public static let status = "status"
    /// The label naming a dependency.
    public static let dependency = "dependency"
    /// The label naming a market-data symbol.
    public static let symbol = "symbol"
    /// The label naming a scheduling policy (`SCHED_OTHER`, `SCHED_FIFO`).
    public static let policy = "policy"
}
