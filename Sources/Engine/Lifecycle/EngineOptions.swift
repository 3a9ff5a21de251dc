/// Process-level knobs that are not part of the environment's config: where to bind, and timings.
struct EngineOptions: Sendable {
    /// The address both servers bind to.
    var bindHost = "0.0.0.0"
    /// The HTTP port (the manifests' container port by default); 0 picks a free port.
    var httpPort: Int
    /// Overrides `metrics.port` (0 picks a free port); `nil` keeps the config's.
    var metricsPort: Int?
    /// Time between dependency checks.
    var checkInterval: Duration = .seconds(1)
    /// How long one dependency check may take.
    var checkTimeout: Duration = .seconds(2)
    /// How long readiness fails before the server stops accepting, after SIGTERM.
    var drainDelay: Duration = .seconds(2)
    /// Time between synthetic market-data ticks.
    var tickInterval: Duration = .milliseconds(10)
}
