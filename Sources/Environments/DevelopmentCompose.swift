import InfraDSL

/// Local development with compose, from the same values as development's Kubernetes objects: one
/// password, one set of ports, one config file.
///
/// The seed's compose ran the engine's build image with `/bin/bash` and a source mount: a shell, not
/// the engine. Here the engine runs its image with the generated config, and `DATABASE_HOST` and
/// `REDIS_URL` point it at the compose services (environment variables override the config file).
/// Every application the engine needs (``ApplicationObjects/applications``) runs beside it, on its
/// own ports, started before its callers.
enum DevelopmentCompose {
    static let engineService = "trading-engine"

    static func file(_ stage: Stage) -> ComposeFile {
        ComposeFile(name: "hft-trading-dev", services: [engine(stage)] + applications(stage) + dataServices(stage.config) + monitoring())
    }

    /// The engine, pointed at the compose services, started after what it needs.
    private static func engine(_ stage: Stage) -> ComposeFile.Service {
        let config = stage.config
        let redisPort = config.redis.port ?? 6379
        let calls: [String] = Application.calls(in: TradingEngine.needs).map(\.callee.name)
        let environment = Labels([
            ("ENVIRONMENT", config.environment.name),
            ("LOG_LEVEL", config.logging.level.rawValue),
            ("DEBUG_MODE", config.features.debugMode ? "true" : "false"),
            ("DATABASE_HOST", "postgres"),
            ("DATABASE_USER", DevelopmentSupport.databaseUser),
            ("DATABASE_PASSWORD", DevelopmentSupport.databasePassword),
            ("REDIS_URL", "redis://redis:\(redisPort.number)/\(config.redis.db ?? 0)"),
        ])
        let ports: [ComposeFile.PortMapping] = [
            .init(host: Common.httpPort, container: Common.httpPort), .init(host: config.metrics.port, container: config.metrics.port),
        ]
        return ComposeFile.Service(
            engineService, image: stage.image, environment: environment, ports: ports,
            volumes: [.file("../config/config.yaml", at: "\(Common.configDirectory)/config.yaml")],
            dependsOn: ["postgres", "redis"] + calls)
    }

    /// Every application the engine needs, on its own ports, after the applications it calls.
    private static func applications(_ stage: Stage) -> [ComposeFile.Service] {
        ApplicationObjects.applications.map { application in
            let ports: [ComposeFile.PortMapping] = application.ports.map { ComposeFile.PortMapping(host: $0.port, container: $0.port) }
            return ComposeFile.Service(
                application.name, image: stage.image(of: application), ports: ports, dependsOn: application.calls.map(\.callee.name))
        }
    }

    /// PostgreSQL and Redis with development's generated credentials.
    private static func dataServices(_ config: AppConfig) -> [ComposeFile.Service] {
        let databasePort = config.database.port
        let redisPort = config.redis.port ?? 6379
        let database = Labels([
            ("POSTGRES_DB", config.database.database),
            ("POSTGRES_USER", DevelopmentSupport.databaseUser),
            ("POSTGRES_PASSWORD", DevelopmentSupport.databasePassword),
        ])
        return [
            ComposeFile.Service(
                "postgres", image: Common.postgresImage, environment: database,
                ports: [.init(host: databasePort, container: databasePort)],
                volumes: [.volume("postgres-data", at: "/var/lib/postgresql/data")]),
            ComposeFile.Service(
                "redis", image: Common.redisImage, command: ["redis-server", "--appendonly", "yes"],
                ports: [.init(host: redisPort, container: redisPort)],
                volumes: [.volume("redis-data", at: "/data")]),
        ]
    }

    /// Prometheus and Grafana. Pinned: the seed's `latest` tags change under a developer's feet.
    private static func monitoring() -> [ComposeFile.Service] {
        [
            ComposeFile.Service(
                "prometheus", image: "prom/prometheus:v2.53.0",
                ports: [.init(host: 9091, container: 9090)],
                volumes: [.file("../monitoring/prometheus.yml", at: "/etc/prometheus/prometheus.yml")],
                dependsOn: [engineService]),
            ComposeFile.Service(
                "grafana", image: "grafana/grafana:11.1.0",
                environment: Labels([("GF_SECURITY_ADMIN_PASSWORD", DevelopmentSupport.grafanaPassword)]),
                ports: [.init(host: 3000, container: 3000)],
                volumes: [.volume("grafana-data", at: "/var/lib/grafana")],
                dependsOn: ["prometheus"]),
        ]
    }
}
