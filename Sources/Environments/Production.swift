import InfraDSL

/// Production: the tier that trades. From the seed's `production.yaml`,
/// `setup-production-environment.sh` and `k8s/production/statefulset.yaml`.
enum Production {
    static let name = "production"
    static let namespace = "hft-trading-production"
    static let priorityClassName = "high-priority"
    /// The VPC's data subnets, where the managed database and cache live.
    static let dataSubnets = "10.10.64.0/20"

    static let settings = EnvironmentSettings(
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

    static var stage: Stage { stage(with: .current) }

    static func stage(with pins: ImagePins, settings: EnvironmentSettings = settings) -> Stage {
        Stage(
            config: AppConfig(common: Common.config, settings: settings), namespace: namespace,
            imagePin: pins[name] ?? ImagePin(repository: Common.imageRepository, tag: nil, digest: nil),
            database: .managed(cidr: dataSubnets), redis: .managed(cidr: dataSubnets),
            cloud: CloudPlacement(account: "444455556666", region: "us-east-1", dataSubnets: dataSubnets))
    }

    /// Room for the engine at its largest scale: 20 replicas of 8 CPU / 16Gi, requested and limited
    /// alike (Guaranteed pods), are 160 / 320Gi. The seed's quota (64 / 128Gi, 128 / 256Gi) refused
    /// every replica past the 16th even at the seed's smaller requests.
    static let quota = ResourceQuota.Hard(
        requestsCPU: .cores(192), requestsMemory: .gi(384), limitsCPU: .cores(192), limitsMemory: .gi(384),
        persistentVolumeClaims: 20)

    /// The engines' PriorityClass. Cluster-scoped and identical wherever it is defined; staging
    /// has it too, so priority scheduling is exercised before production.
    static func priorityClass() -> PriorityClass {
        PriorityClass(priorityClassName, value: 1_000_000, description: "Trading engines: scheduled first, preempt batch work.")
    }

    static var environment: Environment { environment(with: .current) }

    /// Production as it is, or with other `settings` (a test's mistakes).
    static func environment(with pins: ImagePins, settings: EnvironmentSettings = settings) -> Environment {
        let stage = stage(with: pins, settings: settings)
        let engine = TradingEngine.statefulSet(stage)
        return Environment(name, namespace: namespace) {
            Namespace(labels: Common.namespaceLabels(environment: name, tier: .prod).merging(["critical": "true"]))
            ResourceQuota("prod-quota", hard: quota)
            priorityClass()
            Isolation.policies(stage)
            Access.objects(stage)
            TradingEngine.serviceAccount()
            TradingEngine.configMap(stage)
            ManagedServices.aliases(stage)
            TradingEngine.headlessService(stage, engine)
            engine
            PodDisruptionBudget("trading-engine-pdb", protecting: engine, .minAvailable(.count(3)))
            TradingEngine.autoscaler(stage, engine)
            TradingEngine.configFiles(stage)
            Infrastructure.files(stage)
            SecretDelivery.objects(stage)
            Monitoring.objects(stage)
            Artifact("audit/audit-policy.yaml", .yaml(Access.auditPolicy(namespace: namespace).value))
            LowLatency.nodePools(stage).flatMap(\.artifacts)
        }
        .labeled(stage.labels)
        .contract(Contract.of(stage))
        .withHelmChart(stage)
    }
}
