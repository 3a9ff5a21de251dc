import InfraDSL

/// Network isolation of one environment: deny everything, then allow exactly what the engine's
/// config says it needs. Namespaces are selected by `kubernetes.io/metadata.name`, which Kubernetes
/// sets on every namespace (the seed selected on a `name` label no namespace carries).
///
/// The seed's `deny-other-environments` policy is not reproduced: policies are additive, so it
/// *allowed* every port from any namespace labelled `environment: production`. Default deny plus the
/// allows below already keeps other environments out.
enum Isolation {
    static func policies(_ stage: Stage) -> [NetworkPolicy] {
        [defaultDeny(), dnsEgress(), ingressFromController(stage), ingressFromMonitoring(stage), engineEgress(stage)]
            + dependencyIngress(stage)
    }

    static func defaultDeny() -> NetworkPolicy {
        NetworkPolicy("default-deny-all", policyTypes: [.ingress, .egress])
    }

    /// Every pod may resolve names with the cluster DNS, over UDP and TCP (large answers and
    /// retries use TCP; the seed allowed only UDP).
    static func dnsEgress() -> NetworkPolicy {
        NetworkPolicy("allow-dns", policyTypes: [.egress]) {
            NetworkRule.egress(
                to: [.pods(LabelSelector(matchLabels: ["k8s-app": "kube-dns"]), in: .kubeSystem)],
                ports: [.udp(53), .tcp(53)])
        }
    }

    static func ingressFromController(_ stage: Stage) -> NetworkPolicy {
        NetworkPolicy("allow-ingress-controller", podSelector: LabelSelector(matchLabels: stage.engineSelector), policyTypes: [.ingress]) {
            NetworkRule.ingress(from: [.namespace(.ingressNginx)], ports: [.tcp(.number(Common.httpPort))])
        }
    }

    static func ingressFromMonitoring(_ stage: Stage) -> NetworkPolicy {
        NetworkPolicy("allow-monitoring", podSelector: LabelSelector(matchLabels: stage.engineSelector), policyTypes: [.ingress]) {
            NetworkRule.ingress(from: [.namespace(.monitoring)], ports: [.tcp(.number(stage.metricsPort))])
        }
    }

    /// The engine reaches its database, its Redis, the applications it needs and, where the config
    /// says so, external HTTPS.
    static func engineEgress(_ stage: Stage) -> NetworkPolicy {
        let config = stage.config
        let databasePorts = [NetworkPolicyPort.tcp(.number(config.database.port))]
        let redisPorts = Array(Set(config.redis.endpoints.map(\.port))).sorted().map { NetworkPolicyPort.tcp(.number(Port($0))) }
        return NetworkPolicy("allow-engine-egress", podSelector: LabelSelector(matchLabels: stage.engineSelector), policyTypes: [.egress]) {
            NetworkRule.egress(to: [peer(stage.database)], ports: databasePorts)
            NetworkRule.egress(to: [peer(stage.redis)], ports: redisPorts)
            if config.network.externalHTTPS { externalHTTPS() }
            for call in Application.calls(in: TradingEngine.needs) { egress(to: call.callee, port: call.port, stage) }
        }
    }

    /// Out to any public address over HTTPS (the private ranges excluded).
    static func externalHTTPS() -> NetworkRule {
        NetworkRule.egress(to: [.ipBlock(cidr: "0.0.0.0/0", except: Common.privateRanges)], ports: [.tcp(443)])
    }

    /// Out to an application's pods on the port called.
    static func egress(to callee: Application, port: ContainerPort, _ stage: Stage) -> NetworkRule {
        NetworkRule.egress(to: [.pods(LabelSelector(matchLabels: callee.selector(stage)))], ports: [.tcp(.number(port.port))])
    }

    /// In-cluster dependencies accept the engine, and nothing else.
    static func dependencyIngress(_ stage: Stage) -> [NetworkPolicy] {
        let config = stage.config
        var policies: [NetworkPolicy] = []
        if case .inCluster(let labels) = stage.database {
            policies.append(NetworkPolicy("allow-engine-to-postgres", podSelector: LabelSelector(matchLabels: labels), policyTypes: [.ingress]) {
                NetworkRule.ingress(from: [.pods(LabelSelector(matchLabels: stage.engineSelector))], ports: [.tcp(.number(config.database.port))])
            })
        }
        if case .inCluster(let labels) = stage.redis {
            let ports = config.redis.endpoints.map { NetworkPolicyPort.tcp(.number(Port($0.port))) }
            policies.append(NetworkPolicy("allow-engine-to-redis", podSelector: LabelSelector(matchLabels: labels), policyTypes: [.ingress]) {
                NetworkRule.ingress(from: [.pods(LabelSelector(matchLabels: stage.engineSelector))], ports: ports)
            })
        }
        return policies
    }

    private static func peer(_ location: DependencyLocation) -> NetworkPeer {
        switch location {
        case .inCluster(let labels): return .pods(LabelSelector(matchLabels: labels))
        case .managed(let cidr): return .ipBlock(cidr: cidr)
        }
    }
}
