/// Decides, with Kubernetes' NetworkPolicy semantics, whether traffic is allowed: a pod is isolated
/// for a direction once any policy selecting it names that direction; policies are additive; a peer
/// with only a pod selector means the policy's own namespace; a namespace selector matches the labels
/// namespaces really carry; an `ipBlock` matches addresses outside the cluster.
struct NetworkPolicyEvaluator {
    /// One end of a connection.
    enum Endpoint {
        /// Pods with labels in a namespace (whose labels are known, or nil when it is unknown).
        case pods(namespace: String, namespaceLabels: Labels?, labels: Labels, ports: [ContainerPort])
        /// An address outside the cluster, in `network` (nil: anywhere on the internet).
        case external(network: IPv4Network?)
        /// An address outside the cluster in a network nobody declared (a linted manifest's managed
        /// database): any `ipBlock` on the right port may be the one that covers it.
        case unknownExternal
    }

    let policies: [NetworkPolicy]

    /// Whether `source` pods may open `port`/`transport` to `destination` (the source side only).
    func egressAllowed(from namespace: String, labels: Labels, to destination: Endpoint, port: Int, transport: PortProtocol) -> Bool {
        let selecting = policies.filter {
            $0.metadata.namespace == namespace && $0.policyTypes.contains(.egress) && $0.podSelector.matches(labels)
        }
        guard !selecting.isEmpty else { return true }
        return selecting.contains { policy in
            policy.rules.contains { rule in
                rule.direction == .egress
                    && portsMatch(rule.ports, port: port, transport: transport, declared: declaredPorts(destination))
                    && (rule.peers.isEmpty || rule.peers.contains { peer($0, in: namespace, matches: destination) })
            }
        }
    }

    /// Whether `destination` pods accept `port`/`transport` from `source` (the destination side only).
    func ingressAllowed(to namespace: String, labels: Labels, ports: [ContainerPort], from source: Endpoint, port: Int, transport: PortProtocol) -> Bool {
        let selecting = policies.filter {
            $0.metadata.namespace == namespace && $0.policyTypes.contains(.ingress) && $0.podSelector.matches(labels)
        }
        guard !selecting.isEmpty else { return true }
        return selecting.contains { policy in
            policy.rules.contains { rule in
                rule.direction == .ingress
                    && portsMatch(rule.ports, port: port, transport: transport, declared: ports)
                    && (rule.peers.isEmpty || rule.peers.contains { peer($0, in: namespace, matches: source) })
            }
        }
    }

    private func declaredPorts(_ endpoint: Endpoint) -> [ContainerPort] {
        if case .pods(_, _, _, let ports) = endpoint { return ports }
        return []
    }

    private func portsMatch(_ ports: [NetworkPolicyPort], port: Int, transport: PortProtocol, declared: [ContainerPort]) -> Bool {
        guard !ports.isEmpty else { return true }
        return ports.contains { allowed in
            guard allowed.transport == transport else { return false }
            switch allowed.port?.target {
            case nil: return true
            case .number(let number)?: return number.number == port
            case .name(let name)?: return declared.contains { $0.name == name && $0.port.number == port }
            }
        }
    }

    private func peer(_ peer: NetworkPeer, in policyNamespace: String, matches endpoint: Endpoint) -> Bool {
        switch (peer, endpoint) {
        case (.pods(let selector), .pods(let namespace, _, let labels, _)):
            return namespace == policyNamespace && selector.matches(labels)
        case (.namespaces(let selector), .pods(_, let namespaceLabels?, _, _)):
            return selector.matches(namespaceLabels)
        case (.podsInNamespaces(let pods, let namespaces), .pods(_, let namespaceLabels?, let labels, _)):
            return namespaces.matches(namespaceLabels) && pods.matches(labels)
        case (.ipBlock(let cidr, let except), .external(let network)):
            guard let block = IPv4Network(cidr) else { return false }
            let target = network ?? .everything
            let excluded = except.compactMap(IPv4Network.init)
            if network == nil {
                // The internet: the block must cover all public space, i.e. 0.0.0.0/0 less private ranges.
                return block.prefix == 0
            }
            return block.contains(target) && !excluded.contains { $0.overlaps(target) }
        case (.ipBlock(let cidr, _), .unknownExternal):
            return IPv4Network(cidr) != nil
        default:
            return false
        }
    }
}
