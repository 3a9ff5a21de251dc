import InfraDSL

/// Where a dependency of the engine (its database, its cache) lives, as far as network policy is
/// concerned.
enum DependencyLocation: Sendable {
    /// Pods in the environment's own namespace with these labels.
    case inCluster(Labels)
    /// A managed service in the VPC's data subnets (`cidr`), reached through an ExternalName Service.
    case managed(cidr: String)
}

/// Where a cloud environment runs: its AWS account and region, the VPC's data subnets there, where
/// the managed database and cache live, and how big those are.
struct CloudPlacement: Sendable {
    /// The account every resource of the environment is created in (Terraform refuses any other).
    let account: String
    let region: String
    let dataSubnets: String
    /// The managed database's and cache's classes, storage and redundancy.
    let services: Infrastructure.Sizing
}

/// One environment of the trading system, as a value: everything it decides. Every environment is
/// built from its value by the same code (``TradingSystem``); adding one is a value and an entry in
/// ``Catalog/stages``.
struct Stage: Sendable {
    /// The merged application config: the single source of the engine's settings.
    let config: AppConfig
    /// The Kubernetes namespace.
    let namespace: String
    /// Every application's pin in this environment, by application name.
    let images: [String: ImagePin]
    /// Where the database and Redis live.
    let database: DependencyLocation
    let redis: DependencyLocation
    /// Where it runs on AWS; nil for an environment with no cloud resources (development).
    let cloud: CloudPlacement?
    /// The namespace's quota (named after the tier: `prod-quota`).
    let quota: ResourceQuota.Hard
    /// The node pools configured for the engine (none where it runs on general nodes); one engine
    /// per node, so at least as many nodes as the most engines.
    let nodePools: [LowLatency.Pool]
    /// How many engines must stay up through a voluntary disruption (a node drain); nil for no
    /// budget (a single engine).
    let minimumEnginesUp: Int?
    /// The environment whose image this one takes (`gen promote`); nil for the first.
    let promotedFrom: String?
    /// What it does differently from the shape on purpose (``Divergence``).
    let divergences: [Divergence]
    /// Where the value was written.
    let location: SourceLocation

    init(
        config: AppConfig, namespace: String, images: [String: ImagePin]?, database: DependencyLocation, redis: DependencyLocation,
        cloud: CloudPlacement?, quota: ResourceQuota.Hard, nodePools: [LowLatency.Pool], minimumEnginesUp: Int?, promotedFrom: String?,
        divergences: [Divergence], file: StaticString = #filePath, line: UInt = #line
    ) {
        self.config = config
        self.namespace = namespace
        self.images = images ?? [:]
        self.database = database
        self.redis = redis
        self.cloud = cloud
        self.quota = quota
        self.nodePools = nodePools
        self.minimumEnginesUp = minimumEnginesUp
        self.promotedFrom = promotedFrom
        self.divergences = divergences
        self.location = SourceLocation(file, line)
    }

    var name: String { config.environment.name }
    var tier: Tier { config.environment.tier }
    var labels: Labels { Common.labels(environment: name, tier: tier) }
    /// The engine's pin; without one, its bare repository, which the pinning check refuses outside
    /// development (nothing falls back silently).
    var imagePin: ImagePin { images[ImagePins.engine] ?? ImagePin(repository: Common.imageRepository, tag: nil, digest: nil) }
    var image: String { imagePin.reference }

    /// The image `application` runs here: its pin, or its bare repository where it has none (which
    /// the pinning check refuses outside development).
    func image(of application: Application) -> String {
        images[application.name]?.reference ?? application.repository
    }
    var metricsPort: Port { config.metrics.port }

    /// The selector of the engine's pods.
    var engineSelector: Labels { [Common.appLabel: Common.engineName, "env": name] }

    /// The config's fingerprint, or a marker that makes the environment fail validation if the
    /// config cannot be encoded.
    var configFingerprint: String { (try? config.fingerprint()) ?? "unencodable-config" }
}
