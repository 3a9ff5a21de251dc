import InfraDSL

/// Values every environment of the trading engine shares.
enum Common {
    /// The application's name, as the seed's `common.yaml` gives it.
    static let applicationName = "hft-trading-engine"
    /// The image repository every environment runs (environments differ in tag only).
    static let imageRepository = "registry.example.com/hft-trading-engine"
    /// The engine's workload name.
    static let engineName = "trading-engine"
    /// The engine's HTTP port (health, API).
    static let httpPort: Port = 8080
    /// The engine's Prometheus port (`metrics.port` in the seed's `common.yaml`).
    static let metricsPort: Port = 9090
    /// The user the engine runs as: not root.
    static let engineUser = 1000

    /// Labels every object of an environment carries.
    static func labels(environment: String, tier: String) -> Labels {
        [
            "app.kubernetes.io/part-of": "hft-trading",
            "app.kubernetes.io/managed-by": "infradsl",
            "environment": environment,
            "tier": tier,
        ]
    }

    /// The selector of the engine's pods in an environment.
    static func engineSelector(environment: String) -> Labels {
        ["app": engineName, "env": environment]
    }
}
