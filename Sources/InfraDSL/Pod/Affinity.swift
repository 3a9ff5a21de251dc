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

extension PodAffinityTerm: ValueConvertible {
    public var value: Value {
        ["labelSelector": selector.value, "topologyKey": .string(topologyKey)]
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

extension WeightedPodAffinityTerm: ValueConvertible {
    public var value: Value { ["weight": .int(weight), "podAffinityTerm": term.value] }
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
        file: StaticString = #fileID, line: UInt = #line
    ) {
        self.requiredNodeTerms = requiredNodeTerms
        self.requiredPodAffinity = requiredPodAffinity
        self.requiredPodAntiAffinity = requiredPodAntiAffinity
        self.preferredPodAntiAffinity = preferredPodAntiAffinity
        location = SourceLocation(file, line)
    }
}

extension Affinity: ValueConvertible {
    public var value: Value {
        var fields = Fields()
        if !requiredNodeTerms.isEmpty {
            let terms = requiredNodeTerms.map { ["matchExpressions": $0.value] as Value }
            fields.add("nodeAffinity", [
                "requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": .array(terms)],
            ] as Value)
        }
        var podAffinity = Fields()
        podAffinity.add("requiredDuringSchedulingIgnoredDuringExecution", requiredPodAffinity)
        fields.add("podAffinity", .object(podAffinity))
        var antiAffinity = Fields()
        antiAffinity.add("requiredDuringSchedulingIgnoredDuringExecution", requiredPodAntiAffinity)
        antiAffinity.add("preferredDuringSchedulingIgnoredDuringExecution", preferredPodAntiAffinity)
        fields.add("podAntiAffinity", .object(antiAffinity))
        return .object(fields)
    }
}
