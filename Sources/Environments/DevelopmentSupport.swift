import InfraDSL

/// Development's own PostgreSQL and Redis, and the development-only credentials shared by the
/// Kubernetes Secret and the compose file (the seed had two different development passwords).
enum DevelopmentSupport {
    static let postgresLabels: Labels = [Common.appLabel: "postgres", "env": Development.name]
    static let redisLabels: Labels = [Common.appLabel: "redis", "env": Development.name]
    static let databaseUser = "devuser"

    /// Deterministic, clearly marked development-only values: derived from a fixed phrase, so the
    /// output stays byte-identical, and useless anywhere else.
    static let databasePassword = "dev-only-" + SHA256.hex("hft-trading development postgres").prefix(20)
    static let grafanaPassword = "dev-only-" + SHA256.hex("hft-trading development grafana").prefix(20)

    /// What an environment with its own services adds to the shape: the credentials, the database
    /// and cache with their Services, the Prometheus config and the compose file.
    @DevelopmentEnvironmentBuilder
    static func parts(_ stage: Stage) -> [EnvironmentPart] {
        credentials()
        let postgres = postgres(stage)
        postgres
        // Headless: it governs the StatefulSet (the seed gave it a cluster IP, so the pod had no
        // stable DNS name).
        Service("postgres-dev", selecting: postgres, ports: [ServicePort("postgres", stage.config.database.port, targetPort: postgresPort(stage))], headless: true)
        let redis = redis(stage)
        redis
        Service("redis-dev", selecting: redis, ports: [ServicePort("redis", stage.config.redis.port ?? 6379, targetPort: redisPort(stage))])
        Artifact("monitoring/prometheus.yml", .encodedYAML(Monitoring.developmentPrometheus(stage)))
        Artifact("compose/docker-compose.yml", .yaml(DevelopmentCompose.file(stage).value))
    }

    static func credentials() -> LiteralSecret {
        LiteralSecret(Common.databaseSecret, stringData: ["username": databaseUser, "password": databasePassword])
            .annotations(["infradsl.io/development-only": "generated values; never use outside development"])
    }

    static func postgresPort(_ stage: Stage) -> ContainerPort { ContainerPort("postgres", stage.config.database.port) }
    static func redisPort(_ stage: Stage) -> ContainerPort { ContainerPort("redis", stage.config.redis.port ?? 6379) }

    static func postgres(_ stage: Stage) -> StatefulSet {
        // Not the image's postgres user (70): the image runs as any user that owns its data
        // directory, which fsGroup gives it.
        let user = Common.developmentServiceUser
        let template = PodTemplate(labels: stage.labels) {
            Container("postgres", image: Common.postgresImage) {
                EnvVar("POSTGRES_DB", stage.config.database.database)
                // The image reads `*_FILE` variables: the credentials stay out of the environment.
                EnvVar("POSTGRES_USER_FILE", "\(Common.databaseSecretDirectory)/username")
                EnvVar("POSTGRES_PASSWORD_FILE", "\(Common.databaseSecretDirectory)/password")
                EnvVar("PGDATA", "/var/lib/postgresql/data/pgdata")
                postgresPort(stage)
                VolumeMount("data", at: "/var/lib/postgresql/data")
                VolumeMount("run", at: "/var/run/postgresql")
                VolumeMount("tmp", at: "/tmp")
                VolumeMount("database-credentials", at: Common.databaseSecretDirectory, readOnly: true)
            }
            .resources(ResourceRequirements(
                requests: ComputeResources(cpu: .millicores(500), memory: .gi(1)),
                limits: ComputeResources(cpu: .cores(1), memory: .gi(2))))
            .readinessProbe(Probe(.tcpSocket(port: postgresPort(stage)), initialDelay: 5, period: 5))
            .livenessProbe(Probe(.tcpSocket(port: postgresPort(stage)), initialDelay: 30, period: 10))
            .securityContext(.restricted(runAsUser: user))
            Volume("run", .emptyDir())
            Volume("tmp", .emptyDir())
            Volume("database-credentials", .secret(Common.databaseSecret, defaultMode: 0o440))
        }
        .securityContext(PodSecurityContext(runAsNonRoot: true, runAsUser: user, fsGroup: user, seccompProfile: .runtimeDefault))
        .automountServiceAccountToken(false)
        return StatefulSet("postgres-dev", selector: postgresLabels, serviceName: "postgres-dev", replicas: 1, template: template)
            .volumeClaimTemplates(VolumeClaimTemplate("data", ClaimSpec(storage: .gi(20), storageClassName: "standard")))
            .labels(postgresLabels)
            .annotations(ScannerExceptions.developmentServices)
    }

    static func redis(_ stage: Stage) -> Deployment {
        let user = Common.developmentServiceUser  // the image runs as any user; /data is the pod's volume
        let template = PodTemplate(labels: stage.labels) {
            Container("redis", image: Common.redisImage) {
                redisPort(stage)
                VolumeMount("data", at: "/data")
            }
            .command(["redis-server"])
            .args(["--appendonly", "yes"])
            .resources(ResourceRequirements(
                requests: ComputeResources(cpu: .millicores(250), memory: .mi(512)),
                limits: ComputeResources(cpu: .millicores(500), memory: .gi(1))))
            .readinessProbe(Probe(.tcpSocket(port: redisPort(stage)), initialDelay: 5, period: 5))
            .livenessProbe(Probe(.tcpSocket(port: redisPort(stage)), initialDelay: 30, period: 10))
            .securityContext(.restricted(runAsUser: user))
            // The seed ran Redis append-only with nowhere to append to but the container's own layer.
            Volume("data", .emptyDir(sizeLimit: .gi(1)))
        }
        .securityContext(PodSecurityContext(runAsNonRoot: true, runAsUser: user, fsGroup: user, seccompProfile: .runtimeDefault))
        .automountServiceAccountToken(false)
        return Deployment("redis-dev", selector: redisLabels, replicas: 1, template: template).strategy(.recreate).labels(redisLabels)
            .annotations(ScannerExceptions.developmentServices)
    }
}
