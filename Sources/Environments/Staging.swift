import InfraDSL

/// Staging: production-like, three to five engines, managed database and cache, restricted to QA and
/// DevOps. From the seed's `staging.yaml`, `setup-staging-environment.sh` and
/// `k8s/staging/statefulset.yaml`.
enum Staging {
    static let name = "staging"
    static let namespace = "hft-trading-staging"
    /// The VPC's data subnets, where the managed database and cache live.
    static let dataSubnets = "10.20.64.0/20"

    static let settings = EnvironmentSettings(
        environment: EnvironmentInfo(name: name, tier: .staging),
        deployment: .autoscaled(min: 3, max: 5),
        resources: ResourcesConfig(cpu: .init(request: .cores(2), limit: .cores(2)), memory: .init(request: .gi(8), limit: .gi(8))),
        database: DatabaseConfig(
            host: Common.serviceHost("postgres-staging", namespace: namespace), port: 5432, database: "hft_trading_staging",
            poolSize: 50, sslMode: .require, readReplicas: []),
        redis: .standalone(host: Common.serviceHost("redis-staging", namespace: namespace), port: 6379, db: 0, ssl: true),
        logLevel: .info, logOutput: .file("/var/log/trading/app.log"),
        features: FeaturesConfig(debugMode: false, profiling: true, mockMarketData: false),
        externalHTTPS: true,
        // Production's shape, smaller: two pinned CPUs, a smaller huge page pool.
        performance: PerformanceConfig(cpuAffinity: "0-1", threadPriority: .high, hugePages: true, hugePagesMemory: .mi(256), numaNode: 0))

    static var stage: Stage { stage(with: .current) }

    static func stage(with pins: ImagePins) -> Stage {
        Stage(
            config: AppConfig(common: Common.config, settings: settings), namespace: namespace, images: pins.pins[name],
            database: .managed(cidr: dataSubnets), redis: .managed(cidr: dataSubnets),
            cloud: CloudPlacement(
                account: "111122223333", region: "us-east-1", dataSubnets: dataSubnets,
                services: .init(
                    databaseInstanceClass: "db.r6g.large", databaseStorageGB: 100, multiAZ: false, backupRetentionDays: 7,
                    cacheNodeType: "cache.r6g.large", cacheReplicasPerShard: 0)),
            // The seed gave staging no quota; this one admits five engines at their limits.
            quota: .init(requestsCPU: .cores(16), requestsMemory: .gi(48), limitsCPU: .cores(32), limitsMemory: .gi(64), persistentVolumeClaims: 5),
            nodePools: [LowLatency.Pool(name: "high-performance-2xl", instanceType: "c6i.2xlarge", vcpus: 8, nodes: 5)],
            minimumEnginesUp: 2,
            promotedFrom: Development.name,
            // Production's shape with smaller values; nothing left out.
            divergences: [])
    }
}
