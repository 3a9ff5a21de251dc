import InfraDSL

/// Production: the tier that trades. Built from the seed's `setup-production-environment.sh` and
/// `k8s/production/statefulset.yaml`.
enum Production {
    static let name = "production"
    static let namespace = "hft-trading-production"
    static let replicas = 5

    static var environment: Environment {
        let labels = Common.labels(environment: name, tier: "prod")
        let engine = tradingEngine
        return Environment(name, namespace: namespace) {
            Namespace(labels: labels.merging(["managed-by": "devops", "critical": "true"]))
            ResourceQuota("prod-quota", hard: quota).labels(labels)
            Service("trading-engine-headless", selecting: engine, ports: [
                ServicePort("http", Common.httpPort, targetPort: "http"),
                ServicePort("metrics", Common.metricsPort, targetPort: "metrics"),
            ], headless: true).labels(labels)
            engine.labels(labels)
        }
    }

    /// Room for the engine at its largest scale (20 replicas of 4 CPU / 8Gi requested, 8 CPU / 16Gi
    /// limited, from the seed's HPA ceiling) plus the quota the seed gives other workloads.
    static let quota = ResourceQuota.Hard(
        requestsCPU: .cores(96), requestsMemory: .gi(192),
        limitsCPU: .cores(192), limitsMemory: .gi(384),
        persistentVolumeClaims: 20
    )

    static var tradingEngine: StatefulSet {
        StatefulSet(
            Common.engineName, selector: Common.engineSelector(environment: name),
            serviceName: "trading-engine-headless", replicas: replicas, template: engineTemplate
        )
        .podManagementPolicy(.parallel)
        .updateStrategy(.rollingUpdate(partition: 0))
    }

    static var engineTemplate: PodTemplate {
        PodTemplate(annotations: [
            "prometheus.io/scrape": "true",
            "prometheus.io/port": "\(Common.metricsPort.number)",
        ]) {
            engineContainer
            Volume("config", .configMap("trading-engine-config"))
            Volume("logs", .emptyDir(sizeLimit: .gi(2)))
            Volume("tmp", .emptyDir(sizeLimit: .mi(256)))
        }
        .priorityClassName("high-priority")
        .nodeSelector(["node-type": "high-performance"])
        .affinity(Affinity(
            requiredNodeTerms: [[
                LabelRequirement("node.kubernetes.io/instance-type", .in, ["c6i.4xlarge", "c6i.8xlarge"]),
            ]],
            requiredPodAntiAffinity: [
                PodAffinityTerm(
                    selector: LabelSelector(matchLabels: Common.engineSelector(environment: name)),
                    topologyKey: "kubernetes.io/hostname"),
            ]
        ))
        .securityContext(PodSecurityContext(
            runAsNonRoot: true, runAsUser: Common.engineUser, runAsGroup: Common.engineUser,
            fsGroup: Common.engineUser,
            sysctls: [Sysctl("net.core.somaxconn", "4096"), Sysctl("net.ipv4.tcp_max_syn_backlog", "8192")],
            seccompProfile: .runtimeDefault))
        .terminationGracePeriod(45)
    }

    static var engineContainer: Container {
        Container(Common.engineName, image: "\(Common.imageRepository):v1.0.0") {
            EnvVar("ENVIRONMENT", name)
            EnvVar("LOG_LEVEL", "warn")
            EnvVar("CPU_AFFINITY", "0-7")
            EnvVar("DATABASE_HOST", from: .secretKey(secret: "database-credentials", key: "host"))
            EnvVar("DATABASE_PASSWORD", from: .secretKey(secret: "database-credentials", key: "password"))
            ContainerPort("http", Common.httpPort)
            ContainerPort("metrics", Common.metricsPort)
            VolumeMount("config", at: "/app/config", readOnly: true)
            VolumeMount("logs", at: "/var/log/trading")
            VolumeMount("tmp", at: "/tmp")
        }
        .resources(ResourceRequirements(
            requests: ComputeResources(cpu: .cores(4), memory: .gi(8)),
            limits: ComputeResources(cpu: .cores(8), memory: .gi(16))))
        .livenessProbe(Probe(
            .httpGet(path: "/health/live", port: "http"),
            initialDelay: 30, period: 10, timeout: 5, failureThreshold: 3))
        .readinessProbe(Probe(
            .httpGet(path: "/health/ready", port: "http"),
            initialDelay: 10, period: 5, timeout: 3, failureThreshold: 3))
        .preStop(.sleep(15))
        .securityContext(.restricted(runAsUser: Common.engineUser))
    }
}
