import KubernetesAPI

/// A term of pod (anti-)affinity: pods matching `selector` on the same `topologyKey` domain.
public struct PodAffinityTerm: Hashable, Sendable {
    public let selector: LabelSelector
    public let topologyKey: String

    /// A term; `topologyKey` is a node label such as `kubernetes.io/hostname`.
    public init(selector: LabelSelector, topologyKey: String) {
        self.selector = selector
        self.topologyKey = topologyKey
    }
}

extension PodAffinityTerm {
    /// The term in the generated API.
    public var generated: CoreV1.PodAffinityTerm {
        CoreV1.PodAffinityTerm(labelSelector: selector.generated, topologyKey: topologyKey)
    }
}

/// A preferred (soft) pod (anti-)affinity term with its weight (1-100).
public struct WeightedPodAffinityTerm: Hashable, Sendable {
    public let weight: Int
    public let term: PodAffinityTerm

    /// A soft term.
    public init(weight: Int, _ term: PodAffinityTerm) {
        self.weight = weight
        self.term = term
    }
}

extension WeightedPodAffinityTerm {
    /// The term in the generated API.
    public var generated: CoreV1.WeightedPodAffinityTerm {
        CoreV1.WeightedPodAffinityTerm(weight: weight, podAffinityTerm: term.generated)
    }
}

/// Where a pod may and may not be scheduled.
public struct Affinity: Hashable, Sendable {
    /// Node terms that must hold (ORed; the requirements inside one term are ANDed).
    public var requiredNodeTerms: [[LabelRequirement]]
    /// Pods this pod must share a topology domain with.
    public var requiredPodAffinity: [PodAffinityTerm]
    /// Pods this pod must not share a topology domain with.
    public var requiredPodAntiAffinity: [PodAffinityTerm]
    /// Pods this pod should preferably not share a domain with.
    public var preferredPodAntiAffinity: [WeightedPodAffinityTerm]
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// Affinity rules; empty lists are left out.
    public init(
        requiredNodeTerms: [[LabelRequirement]] = [], requiredPodAffinity: [PodAffinityTerm] = [],
        requiredPodAntiAffinity: [PodAffinityTerm] = [], preferredPodAntiAffinity: [WeightedPodAffinityTerm] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.requiredNodeTerms = requiredNodeTerms
        self.requiredPodAffinity = requiredPodAffinity
        self.requiredPodAntiAffinity = requiredPodAntiAffinity
        self.preferredPodAntiAffinity = preferredPodAntiAffinity
        location = SourceLocation(file, line)
    }
}

extension Affinity {
    /// The affinity in the generated API.
    public var generated: CoreV1.Affinity {
        var affinity = CoreV1.Affinity()
        if !requiredNodeTerms.isEmpty {
            let terms = requiredNodeTerms.map { requirements in
                CoreV1.NodeSelectorTerm(matchExpressions: requirements.map {
                    CoreV1.NodeSelectorRequirement(key: $0.key, operator: CoreV1.NodeSelectorOperator(rawValue: $0.op.rawValue), values: $0.values.nonEmpty)
                }.nonEmpty)
            }
            affinity.nodeAffinity = CoreV1.NodeAffinity(requiredDuringSchedulingIgnoredDuringExecution: CoreV1.NodeSelector(nodeSelectorTerms: terms))
        }
        if !requiredPodAffinity.isEmpty {
            affinity.podAffinity = CoreV1.PodAffinity(requiredDuringSchedulingIgnoredDuringExecution: requiredPodAffinity.map(\.generated))
        }
        if !requiredPodAntiAffinity.isEmpty || !preferredPodAntiAffinity.isEmpty {
            affinity.podAntiAffinity = CoreV1.PodAntiAffinity(
                preferredDuringSchedulingIgnoredDuringExecution: preferredPodAntiAffinity.map(\.generated).nonEmpty,
                requiredDuringSchedulingIgnoredDuringExecution: requiredPodAntiAffinity.map(\.generated).nonEmpty)
        }
        return affinity
    }
}
