/// Where our environments deliberately differ from the system we replace, and why. Each entry is a
/// seed file and a setting path, both globs (`*` matches any run of characters).
enum SeedCorrections {
    struct Correction {
        let file: String
        let path: String
        let reason: String
        var key: String { "\(file)#\(path)" }
    }

    /// Seed objects we render under another name.
    static let renamedObjects: [String: String?] = [
        "production/networkpolicy-allow-ingress.yaml": "production/kubernetes/networkpolicy-allow-ingress-controller.yaml",
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
        .init(file: "config/*.yaml", path: "database.host",
              reason: "the seed named hosts in a namespace `hft-trading` that does not exist; ours are in the environment's namespace (development's own Service, or the ExternalName alias of the managed database)"),
        .init(file: "config/*.yaml", path: "redis.host",
              reason: "same namespace mistake as database.host"),
        .init(file: "config/production.yaml", path: "database.read_replicas[*",
              reason: "same namespace mistake: the replicas are ExternalName aliases in hft-trading-production"),
        .init(file: "config/production.yaml", path: "redis.nodes[*",
              reason: "same namespace mistake: the cluster nodes are ExternalName aliases in hft-trading-production"),
        .init(file: "kubernetes/*/configmap-trading-engine-config.yaml", path: "data.config.yaml",
              reason: "ours holds the merged common and environment config; the seed's scripts put only the environment file in the ConfigMap, so the engine never saw a common setting (its values are compared field by field in config/<env>.yaml)"),
        // Development.
        .init(file: "kubernetes/development/statefulset-trading-engine.yaml", path: "*.env",
              reason: "the env label is the environment's name in every tier (the seed used the tier, `dev`, in development only)"),
        .init(file: "kubernetes/development/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].env[DATABASE_URL]*",
              reason: "the seed put the database password in a literal URL; credentials come from the database-credentials Secret and the host from config.yaml"),
        .init(file: "kubernetes/development/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].env[REDIS_URL]*",
              reason: "the Redis host comes from config.yaml (one source); the seed's URL repeated it"),
        .init(file: "kubernetes/development/statefulset-postgres-dev.yaml", path: "spec.template.spec.containers[postgres].env[POSTGRES_*",
              reason: "user and password come from the generated development-only Secret shared with compose (the seed had two different development passwords, devpass123 and devpass)"),
        .init(file: "kubernetes/development/*.yaml", path: "*.env",
              reason: "the env label is the environment's name (`development`), as in staging and production"),
        .init(file: "kubernetes/development/service-*.yaml", path: "spec.ports[*].targetPort",
              reason: "Services target the container port by name, which validation checks against the workload"),
        .init(file: "compose/docker-compose.dev.yml", path: "version",
              reason: "the top-level version key is obsolete in Compose v2 and ignored"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.build*",
              reason: "the engine runs its image with the generated config; the seed's build-and-shell container ran no engine"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.command*",
              reason: "the seed started /bin/bash instead of the engine"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.volumes[*",
              reason: "the generated config is mounted read-only instead of the source tree and a build cache"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.trading-engine.environment.DATABASE_URL",
              reason: "DATABASE_HOST, DATABASE_USER and DATABASE_PASSWORD carry the same, with the one development password"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.postgres.environment.POSTGRES_PASSWORD",
              reason: "the one generated development-only password, shared with the Kubernetes Secret"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.redis.command*",
              reason: "the same command, written as a list"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.*.image",
              reason: "prometheus and grafana are pinned; `latest` changes under a developer's feet"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.prometheus.volumes[*",
              reason: "the scrape config is the generated monitoring/prometheus.yml, mounted read-only"),
        .init(file: "compose/docker-compose.dev.yml", path: "services.grafana.environment.GF_SECURITY_ADMIN_PASSWORD",
              reason: "a generated development-only password instead of `admin`"),
        .init(file: "compose/docker-compose.dev.yml", path: "volumes.build-cache",
              reason: "no build container, so no build cache"),
        // Staging and production engines.
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.replicas",
              reason: "with an autoscaler, spec.replicas is left out: applying a fixed count would reset the scale to the minimum on every deploy"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].env[DATABASE_HOST]*",
              reason: "the host is config.database.host (an ExternalName alias of the managed database), not a second copy in a Secret"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector*",
              reason: "anti-affinity selects the engine's own pods by its selector (app and env) instead of a hand-written expression"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].*Probe.httpGet.port",
              reason: "probes target the port by its name, which validation checks against the container's declared ports"),
        .init(file: "kubernetes/development/statefulset-trading-engine.yaml", path: "spec.template.spec.volumes[logs].emptyDir",
              reason: "the log volume has a 2Gi size limit, so a runaway log evicts one pod instead of filling the node's disk"),
        .init(file: "kubernetes/*/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].image",
              reason: "staging and production run images pinned by digest (Sources/Environments/ImagePins+Current.swift, changed only by `gen promote`), not moving tags"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.nodeSelector.availability-zone",
              reason: "`availability-zone` is a label no node carries; the well-known topology.kubernetes.io/zone is used"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.initContainers[sysctl-tuning]*",
              reason: "no privileged init container: the two namespaced sysctls are set by the pod's securityContext"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].lifecycle.preStop.exec*",
              reason: "the seed killed the engine before its endpoints were removed; preStop sleeps 15 s and the kubelet then sends SIGTERM"),
        .init(file: "kubernetes/production/statefulset-trading-engine.yaml", path: "spec.template.spec.containers[trading-engine].securityContext.capabilities.add*",
              reason: "NET_BIND_SERVICE is not needed to listen on 8080 and 9090; every capability is dropped"),
        .init(file: "kubernetes/production/resourcequota-prod-quota.yaml", path: "spec.hard.*",
              reason: "the seed's quota could not admit 20 engines (80 CPU / 160Gi requested, 160 CPU / 320Gi limited); raised to 96 / 192Gi and 192 / 384Gi"),
        .init(file: "kubernetes/production/networkpolicy-allow-ingress.yaml", path: "metadata.name",
              reason: "renamed allow-ingress-controller, beside allow-monitoring"),
        .init(file: "kubernetes/production/networkpolicy-allow-ingress.yaml", path: "spec.ingress[*].from[*].namespaceSelector.matchLabels.name",
              reason: "namespaces are selected by kubernetes.io/metadata.name, which Kubernetes sets; no namespace carries a `name` label"),
    ]

    static func key(for file: String, path: String) -> String? {
        all.first { matches($0.file, file) && matches($0.path, path) }?.key
    }

    static func reason(for file: String, path: String) -> String? {
        all.first { matches($0.file, file) && matches($0.path, path) }?.reason
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
