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
            config: AppConfig(common: Common.config, settings: settings), namespace: namespace,
            imagePin: pins[name] ?? ImagePin(repository: Common.imageRepository, tag: nil, digest: nil),
            database: .inCluster(DevelopmentSupport.postgresLabels), redis: .inCluster(DevelopmentSupport.redisLabels))
    }

    static var environment: Environment { environment(with: .current) }

    static func environment(with pins: ImagePins) -> Environment {
        let stage = stage(with: pins)
        let engine = TradingEngine.statefulSet(stage)
        let postgres = DevelopmentSupport.postgres(stage)
        let redis = DevelopmentSupport.redis(stage)
        return Environment.development(name, namespace: namespace) {
            Namespace(labels: Common.namespaceLabels(environment: name, tier: .dev))
            ResourceQuota("dev-quota", hard: .init(
                requestsCPU: .cores(8), requestsMemory: .gi(16), limitsCPU: .cores(16), limitsMemory: .gi(32),
                persistentVolumeClaims: 5))
            Isolation.policies(stage)
            Access.objects(stage)
            TradingEngine.serviceAccount()
            DevelopmentSupport.credentials()
            TradingEngine.configMap(stage)
            postgres
            // Headless: it governs the StatefulSet (the seed gave it a cluster IP, so the pod had no
            // stable DNS name).
            Service("postgres-dev", selecting: postgres, ports: [ServicePort("postgres", stage.config.database.port, targetPort: DevelopmentSupport.postgresPort(stage))], headless: true)
            redis
            Service("redis-dev", selecting: redis, ports: [ServicePort("redis", stage.config.redis.port ?? 6379, targetPort: DevelopmentSupport.redisPort(stage))])
            TradingEngine.headlessService(stage, engine)
            engine
            TradingEngine.configFiles(stage)
            Artifact("monitoring/prometheus.yml", .encodedYAML(Monitoring.developmentPrometheus(stage)))
            Artifact("compose/docker-compose.yml", .yaml(DevelopmentCompose.file(stage).value))
        }
        .labeled(stage.labels)
        .contract(Contract.of(stage))
    }
}
