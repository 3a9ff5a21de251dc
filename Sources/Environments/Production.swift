import InfraDSL

/// Production: the tier that trades. From the seed's `production.yaml`,
/// `setup-production-environment.sh` and `k8s/production/statefulset.yaml`.
enum Production {
    static let name = "production"
    static let namespace = "hft-trading-production"
    /// The VPC's data subnets, where the managed database and cache live.
    static let dataSubnets = "10.10.64.0/20"

    static let settings = settings(name: name, namespace: namespace)

    /// Production's settings for an environment called `name` in `namespace`: each production
    /// region runs the same engines, reaching its own managed services.
    static func settings(name: String, namespace: String) -> EnvironmentSettings {
        EnvironmentSettings(
            environment: EnvironmentInfo(name: name, tier: .prod),
            deployment: .autoscaled(min: 5, max: 20),
            resources: ResourcesConfig(cpu: .init(request: .cores(8), limit: .cores(8)), memory: .init(request: .gi(16), limit: .gi(16))),
            database: DatabaseConfig(
                host: Common.serviceHost("postgres-prod", namespace: namespace), port: 5432, database: "hft_trading",
                poolSize: 100, sslMode: .verifyFull,
                readReplicas: [
                    Common.serviceHost("postgres-prod-replica-1", namespace: namespace),
                    Common.serviceHost("postgres-prod-replica-2", namespace: namespace),
                ]),
            redis: .cluster(nodes: (0..<3).map { "\(Common.serviceHost("redis-prod-\($0)", namespace: namespace)):6379" }, ssl: true),
            logLevel: .warn, logOutput: .file("/var/log/trading/app.log"),
            features: FeaturesConfig(debugMode: false, profiling: false, mockMarketData: false),
            externalHTTPS: true,
            performance: PerformanceConfig(cpuAffinity: "0-7", threadPriority: .high, hugePages: true, hugePagesMemory: .gi(1), numaNode: 0))
    }

    static var stage: Stage { stage(with: .current) }

    /// Production as it is, or with other `settings` or `quota` (a test's mistakes).
    static func stage(with pins: ImagePins, settings: EnvironmentSettings = settings, quota: ResourceQuota.Hard = quota) -> Stage {
        Stage(
            config: AppConfig(common: Common.config, settings: settings), namespace: namespace, images: pins.pins[name],
            database: .managed(cidr: dataSubnets), redis: .managed(cidr: dataSubnets),
            cloud: CloudPlacement(account: "444455556666", region: "us-east-1", dataSubnets: dataSubnets, services: services),
            quota: quota, nodePools: nodePools, minimumEnginesUp: 3, promotedFrom: Staging.name,
            divergences: [.deployIdentityOnly, .auditedAPI, .live, .singleZone("us-east-1a")])
    }

    /// The managed database and cache of a production region.
    static let services = Infrastructure.Sizing(
        databaseInstanceClass: "db.r6g.2xlarge", databaseStorageGB: 500, multiAZ: true, backupRetentionDays: 30,
        cacheNodeType: "cache.r6g.xlarge", cacheReplicasPerShard: 1)

    /// The engine's nodes in a production region: 20 of them for at most 20 engines.
    static let nodePools = [
        LowLatency.Pool(name: "high-performance-4xl", instanceType: "c6i.4xlarge", vcpus: 16, nodes: 12),
        LowLatency.Pool(name: "high-performance-8xl", instanceType: "c6i.8xlarge", vcpus: 32, nodes: 8),
    ]

    /// Room for the engine at its largest scale: 20 replicas of 8 CPU / 16Gi, requested and limited
    /// alike (Guaranteed pods), are 160 / 320Gi. The seed's quota (64 / 128Gi, 128 / 256Gi) refused
    /// every replica past the 16th even at the seed's smaller requests.
    static let quota = ResourceQuota.Hard(
        requestsCPU: .cores(192), requestsMemory: .gi(384), limitsCPU: .cores(192), limitsMemory: .gi(384),
        persistentVolumeClaims: 20)
}
