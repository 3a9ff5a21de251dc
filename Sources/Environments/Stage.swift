import InfraDSL

/// Where a dependency of the engine (its database, its cache) lives, as far as network policy is
/// concerned.
enum DependencyLocation: Sendable {
    /// Pods in the environment's own namespace with these labels.
    case inCluster(Labels)
    /// A managed service in the VPC's data subnets (`cidr`), reached through an ExternalName Service.
    case managed(cidr: String)
}

/// Where a cloud environment runs: its AWS account and region, and the VPC's data subnets there,
/// where the managed database and cache live.
struct CloudPlacement: Sendable {
    /// The account every resource of the environment is created in (Terraform refuses any other).
    let account: String
    let region: String
    let dataSubnets: String
}

/// Everything one environment decides, in one value the shared builders read.
struct Stage: Sendable {
    /// The merged application config: the single source of the engine's settings.
    let config: AppConfig
    /// The Kubernetes namespace.
    let namespace: String
    /// The engine image, from the environment's pin.
    let imagePin: ImagePin
    /// Where the database and Redis live.
    let database: DependencyLocation
    let redis: DependencyLocation
    /// Where it runs on AWS; nil for an environment with no cloud resources (development).
    var cloud: CloudPlacement? = nil

    var name: String { config.environment.name }
    var tier: Tier { config.environment.tier }
    var labels: Labels { Common.labels(environment: name, tier: tier) }
    var image: String { imagePin.reference }
    var metricsPort: Port { config.metrics.port }

    /// The selector of the engine's pods.
    var engineSelector: Labels { [Common.appLabel: Common.engineName, "env": name] }

    /// The config's fingerprint, or a marker that makes the environment fail validation if the
    /// config cannot be encoded.
    var configFingerprint: String { (try? config.fingerprint()) ?? "unencodable-config" }
}
