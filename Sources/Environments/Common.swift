import InfraDSL

/// Values every environment of the trading engine shares.
enum Common {
    /// The common configuration layer (the seed's `common.yaml`).
    static let config = CommonConfig()
    /// The image repository every environment runs; environments differ in tag only.
    static let imageRepository = "registry.example.com/hft-trading-engine"
    /// The engine's workload name.
    static let engineName = "trading-engine"
    /// The engine's HTTP port (health, API).
    static let httpPort = Port(EngineInterface.httpPort)
    /// The user (and group) the engine runs as: not root, and above 10000 so it matches no user of
    /// the node (whose system and login users sit below).
    static let engineUser = 10001
    /// The user development's own database and cache run as, likewise outside the node's range.
    static let developmentServiceUser = 10002
    /// Where the engine's database credentials are mounted, one file per key.
    static let databaseSecretDirectory = "/var/run/secrets/database"
    /// The headless Service that gives each engine pod a stable DNS name.
    static let headlessServiceName = "trading-engine-headless"
    /// The ConfigMap that holds `config.yaml`.
    static let configMapName = "trading-engine-config"
    /// Where the config is mounted and read by the engine.
    static let configDirectory = EngineInterface.configDirectory
    /// The Secret holding database credentials (`username`, `password`). Made by an ExternalSecret
    /// from the secrets manager in staging and production (``SecretDelivery``); generated
    /// development-only values in development.
    static let databaseSecret = "database-credentials"
    /// The Secret holding the managed cache's AUTH token (`auth-token`), staging and production only:
    /// development's Redis has no password.
    static let cacheSecret = "cache-credentials"
    /// Where the engine's cache credentials are mounted.
    static let cacheSecretDirectory = "/var/run/secrets/cache"
    /// The service account the secrets reader (External Secrets' `SecretStore`) authenticates as;
    /// Terraform's role for it may read the environment's secrets.
    static let secretsReader = "secrets-reader"
    /// The images of development's own database and cache, shared by Kubernetes and compose.
    static let postgresImage = "postgres:15-alpine"
    static let redisImage = "redis:7-alpine"

    /// The label every engine pod carries, in every environment.
    static let appLabel = "app"

    /// Labels every object of an environment carries.
    static func labels(environment: String, tier: Tier) -> Labels {
        [
            "app.kubernetes.io/part-of": config.application.name,
            "app.kubernetes.io/managed-by": "infradsl",
            "env": environment,
            "tier": tier.rawValue,
        ]
    }

    /// Namespace labels from the seed's `kubectl label namespace` calls.
    static func namespaceLabels(environment: String, tier: Tier) -> Labels {
        labels(environment: environment, tier: tier).merging(["environment": environment, "managed-by": "devops"])
    }

    /// The cluster DNS name of a Service.
    static func serviceHost(_ service: String, namespace: String) -> String {
        "\(service).\(namespace).svc.cluster.local"
    }

    /// Private address ranges (RFC 1918): excluded from "external" egress.
    static let privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
}
