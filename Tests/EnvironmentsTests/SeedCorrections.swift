/// Where our environments deliberately differ from the system we replace, and why. Each entry is a
/// seed file and a setting path, both globs (`*` matches any run of characters), what we render
/// there instead, and the reason. What we render is checked: a correction exempts the seed's value,
/// never ours.
enum SeedCorrections {
    struct Correction {
        let file: String
        let path: String
        let ours: Rendered
        let reason: String
        var key: String { "\(file)#\(path)" }

        init(file: String, path: String, ours: Rendered, reason: String) {
            self.file = file
            self.path = path
            self.ours = ours
            self.reason = reason
        }
    }

    /// What we render at a corrected setting.
    enum Rendered {
        /// Nothing: the setting is gone.
        case absent
        /// Nothing here; these settings of the same file carry it instead (each must be present).
        case moved(to: [String])
        /// Exactly this value.
        case value(String)
        /// A value the regular expression matches whole.
        case matching(String)
        /// The text of another file we render (a ConfigMap holding the generated config).
        case contents(of: String)

        /// Why `value` (ours at the corrected path, nil when absent) is not what this says, or nil
        /// when it is.
        func mismatch(_ value: String?, settings: [String: String], rendered: [String: String]) -> String? {
            switch self {
            case .absent:
                return value.map { "should be absent, is \($0)" }
            case .moved(let paths):
                if let value { return "should have moved, is still \(value)" }
                let missing = paths.filter { settings[$0] == nil }
                return missing.isEmpty ? nil : "moved to settings we do not render: \(missing)"
            case .value(let expected):
                return value == expected ? nil : "should be \(expected), is \(value ?? "absent")"
            case .matching(let pattern):
                guard let value, let regex = try? Regex(pattern), value.wholeMatch(of: regex) != nil else {
                    return "should match \(pattern), is \(value ?? "absent")"
                }
                return nil
            case .contents(let file):
                return value != nil && value == rendered[file] ? nil : "should be the contents of \(file)"
            }
        }
    }

    /// Seed objects we render under another name.
    static let renamedObjects: [String: String?] = [
        "production/networkpolicy-allow-ingress.yaml": "production/kubernetes/networkpolicy-allow-ingress-controller.yaml",
        // One name in every environment (staging's seed name): the shape is one.
        "production/poddisruptionbudget-trading-engine-pdb.yaml": "production/kubernetes/poddisruptionbudget-trading-engine.yaml",
        "staging/networkpolicy-staging-network-policy.yaml": nil,
        "production/networkpolicy-deny-other-environments.yaml": nil,
    ]

    /// Seed objects with no counterpart, and why.
    static let droppedObjects: [String: String] = [
        "kubernetes/staging/networkpolicy-staging-network-policy.yaml":
            "split into default-deny-all, allow-dns, allow-ingress-controller, allow-monitoring and allow-engine-egress; the seed's version selected namespaces by a `name` label no namespace carries, allowed DNS over UDP only, had no Redis egress, and sent database and 'external HTTPS' traffic to in-namespace pods (`podSelector: {}`), which matches neither the managed database nor the internet",
        "kubernetes/production/networkpolicy-deny-other-environments.yaml":
            "policies are additive: this policy allowed every port from any namespace labelled environment=production instead of denying anything; default-deny plus explicit allows keeps other environments out",
    ]

    static let all: [Correction] = [
        // Application configs.
        .init(file: "config/development.yaml", path: "database.host", ours: .value("postgres-dev.hft-trading-dev.svc.cluster.local"),
              reason: "the seed named hosts in a namespace `hft-trading` that does not exist; ours are in the environment's namespace (development's own Service, or the ExternalName alias of the managed database)"),
        .init(file: "config/development.yaml", path: "redis.host", ours: .value("redis-dev.hft-trading-dev.svc.cluster.local"),
              reason: "same namespace mistake as database.host"),
        .init(file: "config/staging.yaml", path: "database.host", ours: .value("postgres-staging.hft-trading-staging.svc.cluster.local"),
              reason: "same namespace mistake: the managed database's ExternalName alias is in hft-trading-staging"),
        .init(file: "config/staging.yaml", path: "redis.host", ours: .value("redis-staging.hft-trading-staging.svc.cluster.local"),
              reason: "same namespace mistake as database.host"),
        .init(file: "config/production.yaml", path: "database.host", ours: .value("postgres-prod.hft-trading-production.svc.cluster.local"),
              reason: "same namespace mistake: the managed database's ExternalName alias is in hft-trading-production"),
        .init(file: "config/production.yaml", path: "database.read_replicas[postgres-prod-replica-*.hft-trading.svc.cluster.local]",
              ours: .moved(to: ["database.read_replicas[postgres-prod-replica-1.hft-trading-production.svc.cluster.local]",
                                "database.read_replicas[postgres-prod-replica-2.hft-trading-production.svc.cluster.local]"]),
              reason: "same namespace mistake: the replicas are ExternalName aliases in hft-trading-production"),
        .init(file: "config/production.yaml", path: "redis.nodes[redis-prod-*.hft-trading.svc.cluster.local:6379]",
              ours: .moved(to: ["redis.nodes[redis-prod-0.hft-trading-production.svc.cluster.local:6379]",
                                "redis.nodes[redis-prod-1.hft-trading-production.svc.cluster.local:6379]",
                                "redis.nodes[redis-prod-2.hft-trading-production.svc.cluster.local:6379]"]),
              reason: "same namespace mistake: the cluster nodes are ExternalName aliases in hft-trading-production"),
        .init(file: "kubernetes/development/configmap-trading-engine-config.yaml", path: "data.config.yaml", ours: .contents(of: "development/config/config.yaml"),
              reason: "ours holds the merged common and environment config; the seed's scripts put only the environment file in the ConfigMap, so the engine never saw a common setting (its values are compared field by field in config/<env>.yaml)"),
        .init(file: "kubernetes/staging/configmap-trading-engine-config.yaml", path: "data.config.yaml", ours: .contents(of: "staging/config/config.yaml"),
              reason: "as in development: the merged config, compared field by field in config/staging.yaml"),
        // Development.
        .init(file: "kubernetes/development/*.yaml", path: "*.env", ours: .value("development"),
              reason: "the env label is the environment's name (`development`), as in staging and production (the seed used the tier, `dev`, in development only)"),
        .init(file: "kubernetes/development/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].env[DATABASE_URL]*",
              ours: .moved(to: ["spec.template.spec.containers[trading-engine].env[DATABASE_PASSWORD_FILE].value",
                                "spec.template.spec.containers[trading-engine].env[DATABASE_USER_FILE].value",
                                "spec.template.spec.volumes[database-credentials].secret.secretName"]),
              reason: "the seed put the database password in a literal URL; credentials come from the database-credentials Secret, mounted as files, and the host from config.yaml"),
        .init(file: "kubernetes/development/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].env[REDIS_URL]*", ours: .absent,
              reason: "the Redis host comes from config.yaml (one source); the seed's URL repeated it"),
        .init(file: "kubernetes/development/statefulset-postgres-dev.yaml", path: "spec.template.spec.containers[postgres].env[POSTGRES_*]*",
              ours: .moved(to: ["spec.template.spec.containers[postgres].env[POSTGRES_USER_FILE].value",
                                "spec.template.spec.containers[postgres].env[POSTGRES_PASSWORD_FILE].value",
                                "spec.template.spec.volumes[database-credentials].secret.secretName"]),
              reason: "user and password come from the generated development-only Secret shared with compose, mounted as files (the seed had two different development passwords, devpass123 and devpass)"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].env[DATABASE_PASSWORD]*",
              ours: .moved(to: ["spec.template.spec.containers[trading-engine].env[DATABASE_PASSWORD_FILE].value",
                                "spec.template.spec.volumes[database-credentials].secret.secretName"]),
              reason: "credentials are mounted as files from the Secret, not put in the environment, where every child process and crash dump sees them"),
        .init(file: "kubernetes/staging/statefulset-trading-engine.yaml", path: "spec.template.metadata.annotations.prometheus.io/*", ours: .absent,
              reason: "staging is scraped by its PodMonitor, which the Prometheus Operator reads; the operator ignores these annotations"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.metadata.annotations.prometheus.io/*", ours: .absent,
              reason: "production is scraped by its PodMonitor, which the Prometheus Operator reads; the operator ignores these annotations"),
        .init(file: "kubernetes/*/statefulset-*.yaml", path: "spec.template.spec.*securityContext.run*User", ours: .matching("1000[0-9]"),
              reason: "user ids at or above 10000, outside the range of the node's own users"),
        .init(file: "kubernetes/development/service-*.yaml", path: "spec.ports[*].targetPort", ours: .matching("[a-z]([-a-z0-9]*[a-z0-9])?"),
              reason: "Services target the container port by name, which validation checks against the workload"),
        .init(file: "kubernetes/development/statefulset-trading-engine.yaml", path: "spec.template.spec.volumes[logs].emptyDir",
              ours: .moved(to: ["spec.template.spec.volumes[logs].emptyDir.sizeLimit"]),
              reason: "the log volume has a size limit, so a runaway log evicts one pod instead of filling the node's disk"),
        .init(file: "compose/docker-compose.dev.yml", path: "version", ours: .absent,
              reason: "the top-level version key is obsolete in Compose v2 and ignored"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.build.*", ours: .absent,
              reason: "the engine runs its image with the generated config; the seed's build-and-shell container ran no engine"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.command", ours: .absent,
              reason: "the seed started /bin/bash instead of the engine; the image's own entrypoint runs it"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.volumes[*",
              ours: .moved(to: ["services.trading-engine.volumes[../config/config.yaml:/app/config/config.yaml:ro]"]),
              reason: "the generated config is mounted read-only instead of the source tree and a build cache"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.environment.DATABASE_URL",
              ours: .moved(to: ["services.trading-engine.environment.DATABASE_HOST", "services.trading-engine.environment.DATABASE_USER",
                                "services.trading-engine.environment.DATABASE_PASSWORD"]),
              reason: "DATABASE_HOST, DATABASE_USER and DATABASE_PASSWORD carry the same, with the one development password"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.postgres.environment.POSTGRES_PASSWORD", ours: .matching("dev-only-[0-9a-f]+"),
              reason: "the one generated development-only password, shared with the Kubernetes Secret"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.redis.command",
              ours: .moved(to: ["services.redis.command[redis-server]", "services.redis.command[--appendonly]", "services.redis.command[yes]"]),
              reason: "the same command, written as a list"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.prometheus.image", ours: .matching(#"prom/prometheus:v\d+\.\d+\.\d+"#),
              reason: "prometheus is pinned to a release; `latest` changes under a developer's feet"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.grafana.image", ours: .matching(#"grafana/grafana:\d+\.\d+\.\d+"#),
              reason: "grafana is pinned to a release, as prometheus is"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.prometheus.volumes[./monitoring/prometheus-dev.yml:/etc/prometheus/prometheus.yml]",
              ours: .moved(to: ["services.prometheus.volumes[../monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro]"]),
              reason: "the scrape config is the generated monitoring/prometheus.yml, mounted read-only"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.grafana.environment.GF_SECURITY_ADMIN_PASSWORD", ours: .matching("dev-only-[0-9a-f]+"),
              reason: "a generated development-only password instead of `admin`"),
        .init(file: "compose/docker-compose.dev.yml", path: "volumes.build-cache", ours: .absent,
              reason: "no build container, so no build cache"),
        // Staging and production engines.
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.replicas", ours: .absent,
              reason: "with an autoscaler, spec.replicas is left out: applying a fixed count would reset the scale to the minimum on every deploy"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].env[DATABASE_HOST]*", ours: .absent,
              reason: "the host is config.database.host (an ExternalName alias of the managed database), not a second copy in a Secret"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions*",
              ours: .moved(to: ["spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels.app",
                                "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels.env"]),
              reason: "anti-affinity selects the engine's own pods by its selector (app and env) instead of a hand-written expression"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].*Probe.httpGet.port", ours: .value("http"),
              reason: "probes target the port by its name, which validation checks against the container's declared ports"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].image",
              ours: .matching(#"registry\.example\.com/hft-trading-engine:v\d+\.\d+\.\d+@sha256:[0-9a-f]{64}"#),
              reason: "staging and production run images pinned by digest (Sources/Environments/ImagePins+Current.swift, changed only by `gen promote`), not moving tags"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.nodeSelector.availability-zone",
              ours: .moved(to: ["spec.template.spec.nodeSelector.topology.kubernetes.io/zone"]),
              reason: "`availability-zone` is a label no node carries; the well-known topology.kubernetes.io/zone is used"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.initContainers[sysctl-tuning]*",
              ours: .moved(to: ["spec.template.spec.securityContext.sysctls[net.core.somaxconn].value", "spec.template.spec.securityContext.sysctls[net.ipv4.tcp_max_syn_backlog].value"]),
              reason: "no privileged init container: the two namespaced sysctls are set by the pod's securityContext"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].lifecycle.preStop.exec*",
              ours: .moved(to: ["spec.template.spec.containers[trading-engine].lifecycle.preStop.sleep.seconds"]),
              reason: "the seed killed the engine before its endpoints were removed; preStop sleeps 15 s and the kubelet then sends SIGTERM"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].securityContext.capabilities.add[NET_BIND_SERVICE]", ours: .absent,
              reason: "NET_BIND_SERVICE is not needed to listen on 8080 and 9090; every capability is dropped"),
        .init(file: "kubernetes/production/resourcequota-prod-quota.yaml", path: "spec.hard.requests.cpu", ours: .value("192"),
              reason: "the seed's quota could not admit 20 engines; at 8 CPU / 16Gi each, requested and limited alike (Guaranteed pods), they need 160 / 320Gi: raised to 192 / 384Gi"),
        .init(file: "kubernetes/production/resourcequota-prod-quota.yaml", path: "spec.hard.requests.memory", ours: .value("\(384 << 30)"),
              reason: "as requests.cpu: 384Gi"),
        .init(file: "kubernetes/production/resourcequota-prod-quota.yaml", path: "spec.hard.limits.cpu", ours: .value("192"),
              reason: "as requests.cpu: 192 CPU"),
        .init(file: "kubernetes/production/resourcequota-prod-quota.yaml", path: "spec.hard.limits.memory", ours: .value("\(384 << 30)"),
              reason: "as requests.cpu: 384Gi"),
        .init(file: "config/production.yaml", path: "resources.cpu.request", ours: .value("8"), reason: "pinned threads need CPUs of their own, which the static CPU manager gives only to a Guaranteed pod (requests equal to limits, whole CPUs); the seed pinned to host CPUs it shared"),
        .init(file: "config/production.yaml", path: "resources.memory.request", ours: .value("\(16 << 30)"), reason: "a Guaranteed pod: memory requested as limited"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].resources.requests.cpu", ours: .value("8"), reason: "pinned threads need CPUs of their own, which the static CPU manager gives only to a Guaranteed pod (requests equal to limits, whole CPUs); the seed pinned to host CPUs it shared"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].resources.requests.memory", ours: .value("\(16 << 30)"),
              reason: "a Guaranteed pod: memory requested as limited"),
        .init(file: "config/staging.yaml", path: "resources.cpu.limit", ours: .value("2"),
              reason: "staging rehearses production's pinning on two CPUs of its own: a Guaranteed pod, limit equal to the request"),
        .init(file: "config/staging.yaml", path: "resources.memory.request", ours: .value("\(8 << 30)"), reason: "a Guaranteed pod: memory requested as limited"),
        .init(file: "kubernetes/staging/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].resources.limits.cpu", ours: .value("2"),
              reason: "staging rehearses production's pinning on two CPUs of its own: a Guaranteed pod, limit equal to the request"),
        .init(file: "kubernetes/staging/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].resources.requests.memory", ours: .value("\(8 << 30)"),
              reason: "a Guaranteed pod: memory requested as limited"),
        .init(file: "kubernetes/production/poddisruptionbudget-trading-engine-pdb.yaml", path: "metadata.name", ours: .value("trading-engine"),
              reason: "every environment is built by the same code, so the budget has one name; staging's seed already called it trading-engine"),
        .init(file: "kubernetes/production/networkpolicy-allow-ingress.yaml", path: "metadata.name", ours: .value("allow-ingress-controller"),
              reason: "renamed allow-ingress-controller, beside allow-monitoring"),
        .init(file: "kubernetes/production/networkpolicy-allow-ingress.yaml", path: "spec.ingress[*].from[*].namespaceSelector.matchLabels.name",
              ours: .moved(to: ["spec.ingress[0].from[0].namespaceSelector.matchLabels.kubernetes.io/metadata.name"]),
              reason: "namespaces are selected by kubernetes.io/metadata.name, which Kubernetes sets; no namespace carries a `name` label"),
    ]

    static func correction(for file: String, path: String) -> Correction? {
        all.first { matches($0.file, file) && matches($0.path, path) }
    }

    /// A glob with `*` only.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        guard text.hasPrefix(parts[0]) else { return false }
        var rest = Substring(text.dropFirst(parts[0].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }
}
