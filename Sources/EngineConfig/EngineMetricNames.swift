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
}
