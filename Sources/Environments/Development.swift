import InfraDSL

/// Development: one engine, its own PostgreSQL and Redis, mocked market data, open to developers.
/// From the seed's `development.yaml`, `setup-dev-environment.sh`, `k8s/dev/statefulset.yaml` and
/// `docker-compose.dev.yml`.
enum Development {
    static let name = "development"
    static let namespace = "hft-trading-dev"

    static let settings = EnvironmentSettings(
        environment: EnvironmentInfo(name: name, tier: .dev),
        deployment: .fixed(1),
        resources: ResourcesConfig(cpu: .init(request: .cores(1), limit: .cores(2)), memory: .init(request: .gi(2), limit: .gi(4))),
        // The seed's hosts named a namespace `hft-trading` that does not exist; the services live in
        // hft-trading-dev. The seed gave no ssl_mode: the in-cluster development database has no TLS.
        database: DatabaseConfig(
            host: Common.serviceHost("postgres-dev", namespace: namespace), port: 5432, database: "hft_trading_dev",
            poolSize: 10, sslMode: .disable, readReplicas: []),
        redis: .standalone(host: Common.serviceHost("redis-dev", namespace: namespace), port: 6379, db: 0, ssl: false),
        logLevel: .debug, logOutput: .stdout,
        features: FeaturesConfig(debugMode: true, profiling: true, mockMarketData: true),
        externalHTTPS: false,
        // Declared: development runs on general nodes without pinning, huge pages or a raised
        // priority (a laptop or a shared cluster has none to give); staging rehearses them.
        performance: nil)

    static var stage: Stage { stage(with: .current) }

    static func stage(with pins: ImagePins) -> Stage {
        Stage(
            config: AppConfig(common: Common.config, settings: settings), namespace: namespace, images: pins.pins[name],
            database: .inCluster(DevelopmentSupport.postgresLabels), redis: .inCluster(DevelopmentSupport.redisLabels),
            cloud: nil,
            quota: .init(requestsCPU: .cores(8), requestsMemory: .gi(16), limitsCPU: .cores(16), limitsMemory: .gi(32), persistentVolumeClaims: 5),
            // General nodes (a declared divergence): no pool of its own.
            nodePools: [],
            // One engine: a budget could only block node drains.
            minimumEnginesUp: nil,
            promotedFrom: nil,
            divergences: [.localServices, .generalNodes, .quickRestarts, .annotationScraping, .openToDevelopers])
    }
}
