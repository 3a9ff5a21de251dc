import KubernetesAPI

/// A source or destination of allowed traffic.
public enum NetworkPeer: Hashable, Sendable {
    /// Pods with these labels in the policy's own namespace.
    case pods(LabelSelector)
    /// Every pod in namespaces with these labels.
    case namespaces(LabelSelector)
    /// Pods with `pods` labels in namespaces with `namespaces` labels.
    case podsInNamespaces(pods: LabelSelector, namespaces: LabelSelector)
    /// An IP range, minus exceptions.
    case ipBlock(cidr: String, except: [String] = [])

    /// Every pod in a declared namespace, selected by the `kubernetes.io/metadata.name` label that
    /// Kubernetes puts on every namespace.
    public static func namespace(_ namespace: NamespaceReference) -> NetworkPeer {
        .namespaces(LabelSelector(matchLabels: Labels([("kubernetes.io/metadata.name", namespace.name)])))
    }

    /// Pods with `pods` labels in a declared namespace.
    public static func pods(_ pods: LabelSelector, in namespace: NamespaceReference) -> NetworkPeer {
        .podsInNamespaces(pods: pods, namespaces: LabelSelector(matchLabels: Labels([("kubernetes.io/metadata.name", namespace.name)])))
    }
}

extension NetworkPeer {
    /// The peer in the generated API.
    public var generated: NetworkingV1.NetworkPolicyPeer {
        switch self {
        case .pods(let selector):
            NetworkingV1.NetworkPolicyPeer(podSelector: selector.generated)
        case .namespaces(let selector):
            NetworkingV1.NetworkPolicyPeer(namespaceSelector: selector.generated)
        case .podsInNamespaces(let pods, let namespaces):
            NetworkingV1.NetworkPolicyPeer(podSelector: pods.generated, namespaceSelector: namespaces.generated)
        case .ipBlock(let cidr, let except):
            NetworkingV1.NetworkPolicyPeer(ipBlock: NetworkingV1.IPBlock(cidr: cidr, except: except.nonEmpty))
        }
    }
}

/// A port (or range start) that a rule allows.
public struct NetworkPolicyPort: Hashable, Sendable {
    public let port: PortReference?
    public let transport: PortProtocol

    /// A TCP port.
    public static func tcp(_ port: PortReference) -> NetworkPolicyPort { NetworkPolicyPort(port: port, transport: .tcp) }
    /// A UDP port.
    public static func udp(_ port: PortReference) -> NetworkPolicyPort { NetworkPolicyPort(port: port, transport: .udp) }
}

extension NetworkPolicyPort {
    /// The port in the generated API.
    public var generated: NetworkingV1.NetworkPolicyPort {
        NetworkingV1.NetworkPolicyPort(protocol: CoreV1.TransportProtocol(rawValue: transport.rawValue), port: port?.generated)
    }
}

/// The direction a rule applies to.
public enum PolicyDirection: String, Hashable, Sendable {
    case ingress = "Ingress"
    case egress = "Egress"
}

/// One allow rule of a NetworkPolicy: traffic from (ingress) or to (egress) any of the peers, on any of
/// the ports. No peers means any peer; no ports means any port.
public struct NetworkRule: Hashable, Sendable {
    public let direction: PolicyDirection
    public let peers: [NetworkPeer]
    public let ports: [NetworkPolicyPort]
    public var location: SourceLocation

    /// Allows inbound traffic.
    public static func ingress(
        from peers: [NetworkPeer], ports: [NetworkPolicyPort] = [], file: StaticString = #filePath, line: UInt = #line
    ) -> NetworkRule {
        NetworkRule(direction: .ingress, peers: peers, ports: ports, location: SourceLocation(file, line))
    }

    /// Allows outbound traffic.
    public static func egress(
        to peers: [NetworkPeer], ports: [NetworkPolicyPort] = [], file: StaticString = #filePath, line: UInt = #line
    ) -> NetworkRule {
        NetworkRule(direction: .egress, peers: peers, ports: ports, location: SourceLocation(file, line))
    }
}

/// Builds a NetworkPolicy's rules.
@resultBuilder
public enum NetworkRuleBuilder: ListBuilder {
    public typealias Part = NetworkRule
}

/// A NetworkPolicy. Policies are additive: a pod selected by any policy for a direction accepts only
/// what some policy allows in that direction.
public struct NetworkPolicy: GeneratedResource {
    public static let apiVersion = "networking.k8s.io/v1"
    public static let kind = "NetworkPolicy"
    public static let applyOrder = ApplyOrder.policy
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<NetworkingV1.NetworkPolicy>] = []

    /// The pods it applies to; empty means every pod in the namespace.
    public let podSelector: LabelSelector
    /// The directions it isolates.
    public let policyTypes: [PolicyDirection]
    public let rules: [NetworkRule]

    /// A policy. With `policyTypes` nil, it isolates the directions its rules name (ingress at least).
    /// A policy with types and no rules denies those directions.
    public init(
        _ name: String, podSelector: LabelSelector = LabelSelector(), policyTypes: [PolicyDirection]? = nil,
        file: StaticString = #filePath, line: UInt = #line, @NetworkRuleBuilder rules: () -> [NetworkRule] = { [] }
    ) {
        metadata = ObjectMeta(name: name)
        self.podSelector = podSelector
        let built = rules()
        self.rules = built
        self.policyTypes = policyTypes ?? ([.ingress] + (built.contains { $0.direction == .egress } ? [.egress] : []))
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: NetworkingV1.NetworkPolicy {
        var spec = NetworkingV1.NetworkPolicySpec(podSelector: podSelector.generated)
        spec.policyTypes = policyTypes.map { NetworkingV1.PolicyType(rawValue: $0.rawValue) }.nonEmpty
        spec.ingress = rules.filter { $0.direction == .ingress }.map {
            NetworkingV1.NetworkPolicyIngressRule(from: $0.peers.map(\.generated).nonEmpty, ports: $0.ports.map(\.generated).nonEmpty)
        }.nonEmpty
        spec.egress = rules.filter { $0.direction == .egress }.map {
            NetworkingV1.NetworkPolicyEgressRule(to: $0.peers.map(\.generated).nonEmpty, ports: $0.ports.map(\.generated).nonEmpty)
        }.nonEmpty
        return NetworkingV1.NetworkPolicy(spec: spec)
    }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        for rule in rules where !policyTypes.contains(rule.direction) {
            context.error("policy", "an \(rule.direction.rawValue.lowercased()) rule in a policy whose policyTypes leave out \(rule.direction.rawValue) has no effect", field: "spec/\(rule.direction.rawValue.lowercased())", at: rule.location)
        }
        for rule in rules {
            for port in rule.ports {
                if let number = port.port?.portNumber {
                    context.checkPort(number, field: "spec/\(rule.direction.rawValue.lowercased())/ports", at: rule.location)
                }
            }
        }
    }
}
