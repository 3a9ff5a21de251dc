import InfraDSL

/// The trading engine's objects, built from one environment's ``Stage`` so every tier gets the same
/// shape and differs only in values.
enum TradingEngine {
    /// The engine's HTTP port (health, API).
    static let httpPort = ContainerPort("http", Common.httpPort)

    /// The applications the engine calls. Listing one here puts it, its Service, its network
    /// allowances and its permissions in every environment.
    static let needs: [Application.Need] = [.application(MarketDataGateway.application, port: MarketDataGateway.feed)]

    /// The engine's Prometheus port, from the config.
    static func metricsPort(_ stage: Stage) -> ContainerPort { ContainerPort("metrics", stage.metricsPort) }

    /// The engine's StatefulSet.
    static func statefulSet(_ stage: Stage) -> StatefulSet {
        let deployment = stage.config.deployment
        // With an autoscaler, spec.replicas is left to it: a value here would reset the scale to the
        // minimum on every apply (the seed set both).
        let workload = StatefulSet(
            Common.engineName, selector: stage.engineSelector, serviceName: Common.headlessServiceName,
            replicas: deployment.autoScaling ? nil : deployment.replicas, template: podTemplate(stage)
        ).labels(stage.engineSelector)
        .annotations(ScannerExceptions.engine(stage))
        // Every environment but a quickly restarting one rolls out as production does, so a rollout
        // is rehearsed before it trades.
        guard !stage.diverges(.quickRestarts) else { return workload }
        return workload.podManagementPolicy(.parallel).updateStrategy(.rollingUpdate(partition: 0))
    }

    static func podTemplate(_ stage: Stage) -> PodTemplate {
        // Scraped by their PodMonitor (``MonitoringObjects``), which the Prometheus Operator reads,
        // or by annotation where the environment declares it.
        let scraping: Labels = stage.diverges(.annotationScraping) ? [
            "prometheus.io/scrape": "true",
            "prometheus.io/port": "\(stage.metricsPort.number)",
            "prometheus.io/path": EngineInterface.metricsPath,
        ] : .none
        let template = PodTemplate(labels: stage.labels, annotations: scraping.merging(["infradsl.io/config-sha256": .init(stage.configFingerprint)])) {
            container(stage)
            Volume("config", .configMap(Common.configMapName))
            Volume("logs", .emptyDir(sizeLimit: .gi(2)))
            Volume("tmp", .emptyDir(sizeLimit: .mi(256)))
            // Readable by the pod's group (fsGroup) only.
            Volume("database-credentials", .secret(Common.databaseSecret, defaultMode: 0o440))
            if SecretDelivery.usesManagedCache(stage) { Volume("cache-credentials", .secret(Common.cacheSecret, defaultMode: 0o440)) }
            if LowLatency.mapsHugePages(stage.config) { Volume(LowLatency.hugePagesVolume, .hugePages) }
        }
        .serviceAccountName(Common.engineName)
        .automountServiceAccountToken(false)
        .terminationGracePeriod(45)
        return LowLatency.place(placement(template, stage), stage.config)
    }

    /// Namespaced kernel settings of the engine's pods; none on general nodes.
    static func sysctls(_ stage: Stage) -> [Sysctl] {
        guard !stage.diverges(.generalNodes) else { return [] }
        // The seed tuned these with a privileged busybox init container. Both are namespaced
        // sysctls, so the pod sets them itself; the engine pools' kubelets allow them
        // (allowedUnsafeSysctls, derived from this list), and no container runs privileged.
        return [Sysctl("net.core.somaxconn", "4096"), Sysctl("net.ipv4.tcp_max_syn_backlog", "8192")]
    }

    /// Scheduling and kernel settings: the engine pools, one engine per node, and the zone where the
    /// environment declares one.
    private static func placement(_ template: PodTemplate, _ stage: Stage) -> PodTemplate {
        guard !stage.diverges(.generalNodes) else { return template.securityContext(podSecurity(sysctls: [])) }
        let antiAffinity = PodAffinityTerm(
            selector: LabelSelector(matchLabels: stage.engineSelector), topologyKey: "kubernetes.io/hostname")
        // The engine pools' instance types, from the pools themselves (Stage.nodePools).
        let instanceTypes = stage.nodePools.map(\.instanceType)
        let placed = template
            .securityContext(podSecurity(sysctls: sysctls(stage)))
            .priorityClassName(TradingSystem.priorityClassName)
            .affinity(Affinity(
                requiredNodeTerms: [[LabelRequirement("node.kubernetes.io/instance-type", .in, instanceTypes)]],
                requiredPodAntiAffinity: [antiAffinity]))
        // (The seed's `availability-zone` label exists on no node; the well-known zone label does.
        // The pool's own label is added with the rest of its placement, by LowLatency.)
        guard let zone = stage.engineZone else { return placed }
        return placed.nodeSelector(["topology.kubernetes.io/zone": .init(zone)])
    }

    private static func podSecurity(sysctls: [Sysctl]) -> PodSecurityContext {
        PodSecurityContext(
            runAsNonRoot: true, runAsUser: Common.engineUser, runAsGroup: Common.engineUser,
            fsGroup: Common.engineUser, sysctls: sysctls, seccompProfile: .runtimeDefault)
    }

    static func container(_ stage: Stage) -> Container {
        let config = stage.config
        let engine = Container(Common.engineName, image: stage.image) {
            EnvVar("ENVIRONMENT", config.environment.name)
            EnvVar("LOG_LEVEL", config.logging.level.rawValue)
            if config.features.debugMode { EnvVar("DEBUG_MODE", "true") }
            if let performance = config.performance { EnvVar("CPU_AFFINITY", performance.cpuAffinity) }
            // Credentials as files, not variables: nothing the process starts or dumps sees them.
            EnvVar("DATABASE_USER_FILE", "\(Common.databaseSecretDirectory)/username")
            EnvVar("DATABASE_PASSWORD_FILE", "\(Common.databaseSecretDirectory)/password")
            if SecretDelivery.usesManagedCache(stage) { EnvVar("REDIS_PASSWORD_FILE", "\(Common.cacheSecretDirectory)/auth-token") }
            httpPort
            metricsPort(stage)
            VolumeMount("config", at: Common.configDirectory, readOnly: true)
            VolumeMount("logs", at: "/var/log/trading")
            VolumeMount("tmp", at: "/tmp")
            VolumeMount("database-credentials", at: Common.databaseSecretDirectory, readOnly: true)
            if SecretDelivery.usesManagedCache(stage) { VolumeMount("cache-credentials", at: Common.cacheSecretDirectory, readOnly: true) }
            if LowLatency.mapsHugePages(config) { VolumeMount(LowLatency.hugePagesVolume, at: LowLatency.hugePagesPath) }
        }
        .resources(LowLatency.resources(config))
        .securityContext(.restricted(runAsUser: Common.engineUser, addCapabilities: LowLatency.capabilities(config)))
        return probes(engine, stage)
    }

    private static func probes(_ container: Container, _ stage: Stage) -> Container {
        guard !stage.diverges(.quickRestarts) else {
            return container
                .livenessProbe(Probe(.httpGet(path: EngineInterface.livenessPath, port: httpPort), initialDelay: 30, period: 10))
                .readinessProbe(Probe(.httpGet(path: EngineInterface.readinessPath, port: httpPort), initialDelay: 10, period: 5))
        }
        // The seed's preStop ran `kill -TERM 1; sleep 15`: it stopped the engine before endpoints
        // were removed, dropping in-flight orders. Sleeping first lets the endpoint removal
        // propagate; the kubelet then sends SIGTERM, within the 45 s grace period.
        return container
            .livenessProbe(Probe(.httpGet(path: EngineInterface.livenessPath, port: httpPort), initialDelay: 30, period: 10, timeout: 5, failureThreshold: 3))
            .readinessProbe(Probe(.httpGet(path: EngineInterface.readinessPath, port: httpPort), initialDelay: 10, period: 5, timeout: 3, failureThreshold: 3))
            .preStop(.sleep(15))
    }

    /// The headless Service the StatefulSet is governed by (the seed named it but never defined it).
    static func headlessService(_ stage: Stage, _ engine: StatefulSet) -> Service {
        Service(Common.headlessServiceName, selecting: engine, ports: [
            ServicePort("http", Common.httpPort, targetPort: httpPort),
            ServicePort("metrics", stage.metricsPort, targetPort: metricsPort(stage)),
        ], headless: true)
    }

    /// The config's JSON Schema as an encodable value, so a failure to derive it is reported.
    private struct ConfigSchema: Encodable, Sendable {
        func encode(to encoder: any Encoder) throws { try AppConfig.jsonSchema().encode(to: encoder) }
    }

    /// The ConfigMap holding the merged `config.yaml` (the same text as `config/config.yaml`).
    static func configMap(_ stage: Stage) -> ConfigMap {
        ConfigMap(Common.configMapName, data: Labels([("config.yaml", (try? stage.config.yaml()) ?? "")]))
    }

    /// The identity the engine runs as; it needs no API access, so no token is mounted.
    static func serviceAccount() -> ServiceAccount {
        ServiceAccount(Common.engineName, automountToken: false)
    }

    /// The autoscaler, when the config asks for one.
    static func autoscaler(_ stage: Stage, _ engine: StatefulSet) -> HorizontalPodAutoscaler? {
        let deployment = stage.config.deployment
        guard deployment.autoScaling, let min = deployment.minReplicas, let max = deployment.maxReplicas else { return nil }
        return HorizontalPodAutoscaler(Common.engineName, scaling: engine, minReplicas: min, maxReplicas: max, metrics: [.cpuUtilization(70)])
    }

    /// The files that describe the engine's config: the merged YAML and its JSON Schema.
    static func configFiles(_ stage: Stage) -> [Artifact] {
        [
            Artifact("config/config.yaml", .encodedYAML(stage.config)),
            Artifact("config/config-schema.json", .encodedJSON(ConfigSchema())),
        ]
    }
}
