import InfraDSL

/// What the engine expects of its environment, derived from its config: the semantic checks hold
/// the environment's objects against it, so a policy that blocks the database, a quota that cannot
/// hold the maximum scale or a read-only log directory fails `gen`, not the rollout.
enum Contract {
    /// The parts of a config the contract is made of. Built from a whole `AppConfig`, or from
    /// whatever a half-broken config file of a linted system still says.
    struct Needs {
        var databaseHosts: [String] = []
        var databasePort = 5432
        var redisEndpoints: [(host: String, port: Int)] = []
        var externalHTTPS = false
        var logDirectory: String?
        var metricsPort = 9090
        var maximumReplicas: Int?
        var parity: [EnvironmentContract.ParitySetting] = []
        var performance: PerformanceConfig?

        init() {}

        init(_ config: AppConfig) {
            databaseHosts = [config.database.host] + config.database.readReplicas
            databasePort = config.database.port.number
            redisEndpoints = config.redis.endpoints
            externalHTTPS = config.network.externalHTTPS
            logDirectory = config.logging.output.directory
            metricsPort = config.metrics.port.number
            maximumReplicas = config.deployment.maximumReplicas
            parity = Contract.parity(config)
            performance = config.performance
        }
    }

    static func of(_ stage: Stage) -> EnvironmentContract {
        let network: String? = switch stage.database {
        case .managed(let cidr): cidr
        case .inCluster: nil
        }
        var contract = derive(Needs(stage.config), enginePods: stage.engineSelector, network: network)
        contract.nodePools = nodePools(stage)
        contract = contract.merging(applications(stage))
        return contract
    }

    /// What the applications expect: the engine's calls to them, their own calls and DNS, their
    /// metrics scraped, their scale within the quota, a writable `/tmp`.
    static func applications(_ stage: Stage) -> EnvironmentContract {
        var contract = EnvironmentContract()
        func host(_ application: Application) -> EnvironmentContract.Destination {
            .host(Common.serviceHost(application.name, namespace: stage.namespace))
        }
        // Each call is reported at the line that declared the need.
        for call in Application.calls(in: TradingEngine.needs) {
            contract.dependencies.append(.init(call.callee.name, from: stage.engineSelector, to: host(call.callee), port: call.port.port.number, location: call.location))
        }
        for application in ApplicationObjects.applications {
            let pods = application.selector(stage)
            contract.dependencies += dns(from: pods)
            contract.dependencies += application.calls.map { .init($0.callee.name, from: pods, to: host($0.callee), port: $0.port.port.number, location: $0.location) }
            if application.needsExternalHTTPS {
                contract.dependencies.append(.init("external HTTPS", from: pods, to: .internet, port: 443))
            }
            if let metrics = application.metricsPort {
                contract.inbound.append(.init("metrics scraping", from: .monitoring, to: pods, port: metrics.port.number))
            }
            contract.paths.append(.init(pods: pods, container: application.name, path: "/tmp", writable: true, reason: "temporary files"))
            contract.scale.append(.init(pods: pods, maximum: application.sizing(stage.tier).maxReplicas))
        }
        return contract
    }

    /// The cluster DNS, over UDP and TCP, from `pods`.
    static func dns(from pods: Labels) -> [EnvironmentContract.Dependency] {
        let dns = EnvironmentContract.Destination.pods(["k8s-app": "kube-dns"], in: .kubeSystem)
        return [
            .init("cluster DNS", from: pods, to: dns, port: 53, transport: .udp),
            .init("cluster DNS over TCP", from: pods, to: dns, port: 53, transport: .tcp),
        ]
    }

    /// The contract of an engine with `needs`, running in the pods `engine`.
    static func derive(_ needs: Needs, enginePods engine: Labels, network: String?) -> EnvironmentContract {
        var dependencies = dns(from: engine)
        dependencies += needs.databaseHosts.enumerated().map {
            .init($0.offset == 0 ? "database" : "database read replica", from: engine, to: .host($0.element, network: network), port: needs.databasePort)
        }
        dependencies += needs.redisEndpoints.map { .init("redis", from: engine, to: .host($0.host, network: network), port: $0.port) }
        if needs.externalHTTPS {
            dependencies.append(.init("external HTTPS", from: engine, to: .internet, port: 443))
        }
        var paths: [EnvironmentContract.PathRequirement] = [
            .init(pods: engine, container: Common.engineName, path: "\(Common.configDirectory)/config.yaml", writable: false, reason: "the engine's config"),
            .init(pods: engine, container: Common.engineName, path: "/tmp", writable: true, reason: "temporary files"),
        ]
        if let directory = needs.logDirectory {
            paths.append(.init(pods: engine, container: Common.engineName, path: directory, writable: true, reason: "logging.output"))
        }
        var contract = EnvironmentContract(
            dependencies: dependencies,
            inbound: [
                .init("the ingress controller", from: .ingressNginx, to: engine, port: Common.httpPort.number),
                .init("metrics scraping", from: .monitoring, to: engine, port: needs.metricsPort),
            ],
            paths: paths,
            externalNamespaces: [.kubeSystem, .ingressNginx, .monitoring],
            parity: needs.parity)
        if let maximum = needs.maximumReplicas {
            contract.scale = [.init(pods: engine, maximum: maximum)]
        }
        contract.performance = needs.performance.map { LowLatency.requirements($0, pods: engine) } ?? []
        return contract
    }

    static func parity(_ config: AppConfig) -> [EnvironmentContract.ParitySetting] {
        [
            .init("security.min_tls_version", value: config.security.minTLSVersion.rawValue, strictness: TLSVersion.allCases.firstIndex(of: config.security.minTLSVersion)!),
            .init("security.tls_enabled", value: "\(config.security.tlsEnabled)", strictness: config.security.tlsEnabled ? 1 : 0),
            .init("database.ssl_mode", value: config.database.sslMode.rawValue, strictness: SSLMode.allCases.firstIndex(of: config.database.sslMode)!),
            .init("features.debug_mode", value: "\(config.features.debugMode)", strictness: config.features.debugMode ? 0 : 1),
            .init("features.profiling", value: "\(config.features.profiling)", strictness: config.features.profiling ? 0 : 1),
            .init("features.mock_market_data", value: "\(config.features.mockMarketData)", strictness: config.features.mockMarketData ? 0 : 1),
        ]
    }

    /// The node pools the platform provides: general nodes where the environment runs on them;
    /// otherwise general nodes for the other applications and the engine pools (in its zone, where
    /// it declares one).
    private static func nodePools(_ stage: Stage) -> [EnvironmentContract.NodePool] {
        if stage.diverges(.generalNodes) {
            return [.init("general", labels: ["node-type": "general"], nodes: 3)]
        }
        let general = EnvironmentContract.NodePool("general", labels: ["node-type": "general"], nodes: 6)
        guard let zone = stage.engineZone else { return [general] + enginePools(stage, labels: .none) }
        return [general] + enginePools(stage, labels: ["topology.kubernetes.io/zone": .init(zone)])
    }

    /// The pools configured for the engine (``Stage/nodePools``), as the placement checks see them.
    private static func enginePools(_ stage: Stage, labels: Labels) -> [EnvironmentContract.NodePool] {
        stage.nodePools.map { pool in
            .init(pool.name, labels: LowLatency.poolLabels.merging(labels).merging(["node.kubernetes.io/instance-type": pool.instanceType]), nodes: pool.nodes)
        }
    }
}
