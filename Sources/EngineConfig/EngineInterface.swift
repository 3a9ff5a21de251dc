/// What the manifests promise the engine process and the engine relies on: one definition, read by
/// `gen` when it renders ports, probes and mounts and by the engine when it starts.
public enum EngineInterface {
    /// The HTTP port of the health endpoints (the container port, probes and Service target it).
    public static let httpPort = 8080
    /// The directory the manifests mount the ConfigMap at.
    public static let configDirectory = "/app/config"
    /// Where the manifests mount `config.yaml`.
    public static let configPath = configDirectory + "/config.yaml"
    /// The path of the liveness endpoint the probes call.
    public static let livenessPath = "/health/live"
    /// The path of the readiness endpoint the probes call.
    public static let readinessPath = "/health/ready"
    /// The path Prometheus scrapes on the metrics port.
    public static let metricsPath = "/metrics"
}
