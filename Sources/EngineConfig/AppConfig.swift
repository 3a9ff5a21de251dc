import InfraValues

/// The trading engine's whole configuration: what `gen` renders into `config.yaml` and the engine
/// decodes at start-up. One type, so a config that compiles is a config the engine reads.
public struct AppConfig: Codable, Sendable, Hashable {
    public var application: ApplicationConfig
    public var environment: EnvironmentInfo
    public var deployment: DeploymentConfig
    public var resources: ResourcesConfig
    public var database: DatabaseConfig
    public var redis: RedisConfig
    public var logging: LoggingConfig
    public var metrics: MetricsConfig
    public var network: NetworkConfig
    public var security: SecurityConfig
    public var features: FeaturesConfig
    public var performance: PerformanceConfig?

    /// Merges the common layer with one environment's settings. Every field has exactly one owner,
    /// so there is nothing to deep-merge and no precedence to remember.
    public init(common: CommonConfig, settings: EnvironmentSettings) {
        application = common.application
        environment = settings.environment
        deployment = settings.deployment
        resources = settings.resources
        database = settings.database
        redis = settings.redis
        logging = LoggingConfig(level: settings.logLevel, format: common.logFormat, output: settings.logOutput, rotation: common.logRotation)
        metrics = common.metrics
        network = NetworkConfig(
            tcpNoDelay: common.tcpNoDelay, soReuseAddr: common.soReuseAddr, bufferSize: common.bufferSize,
            externalHTTPS: settings.externalHTTPS)
        security = common.security
        features = settings.features
        performance = settings.performance
    }

    /// Reads a config file strictly: unknown fields, wrong types and out-of-range values are errors
    /// naming the line and field.
    public static func decode(yaml: String) throws(StrictYAMLDecoder.Failure) -> AppConfig {
        try StrictYAMLDecoder().decode(AppConfig.self, from: yaml)
    }

    /// SHA-256 of the config's canonical JSON (sorted keys, compact): put on the pod template so a
    /// config change rolls the pods, exported by the engine so drift is visible, and computed the
    /// same way by the Helm chart (`toJson | sha256sum`).
    public func fingerprint() throws -> String { SHA256.hex(CanonicalJSON.render(try ValueEncoder().encode(self))) }

    /// The JSON Schema of the config file, derived from these types.
    public static func jsonSchema() throws -> Value {
        try JSONSchemaGenerator.schema(
            for: AppConfig.self, title: "Trading engine configuration",
            description: "Generated from the Swift type AppConfig; do not edit.")
    }
}

/// What every environment shares (the seed's `common.yaml`). Every value has a default.
public struct CommonConfig: Sendable {
    public var application = ApplicationConfig(name: "hft-trading-engine", version: "1.0.0")
    public var logFormat = LogFormat.json
    public var logRotation = LoggingConfig.Rotation(maxSize: .megabytes(100), maxFiles: 10)
    public var metrics = MetricsConfig(enabled: true, port: 9090, interval: 1)
    public var tcpNoDelay = true
    public var soReuseAddr = true
    public var bufferSize = 2_097_152
    public var security = SecurityConfig(tlsEnabled: true, minTLSVersion: .v1_3)

    /// The shared layer with the seed's values.
    public init() {}
}

/// What each environment must choose. The initializer has no defaults: an environment that forgets
/// one of these does not compile.
public struct EnvironmentSettings: Sendable {
    public var environment: EnvironmentInfo
    public var deployment: DeploymentConfig
    public var resources: ResourcesConfig
    public var database: DatabaseConfig
    public var redis: RedisConfig
    public var logLevel: LogLevel
    public var logOutput: LogOutput
    public var features: FeaturesConfig
    public var externalHTTPS: Bool
    public var performance: PerformanceConfig?

    /// Every per-environment choice, none defaulted.
    public init(
        environment: EnvironmentInfo, deployment: DeploymentConfig, resources: ResourcesConfig,
        database: DatabaseConfig, redis: RedisConfig, logLevel: LogLevel, logOutput: LogOutput,
        features: FeaturesConfig, externalHTTPS: Bool, performance: PerformanceConfig?
    ) {
        self.environment = environment
        self.deployment = deployment
        self.resources = resources
        self.database = database
        self.redis = redis
        self.logLevel = logLevel
        self.logOutput = logOutput
        self.features = features
        self.externalHTTPS = externalHTTPS
        self.performance = performance
    }
}
