import KubernetesAPI

/// A count of pods or a percentage of them.
public enum PodCount: Hashable, Sendable {
    case count(Int)
    case percent(Int)
}

extension PodCount {
    /// The count in the generated API: a number, or a percentage as text.
    public var generated: IntOrString {
        switch self {
        case .count(let count): .int(count)
        case .percent(let percent): .string("\(percent)%")
        }
    }
}

/// A PodDisruptionBudget over a workload's pods; the selector is the workload's.
public struct PodDisruptionBudget: GeneratedResource {
    public static let apiVersion = "policy/v1"
    public static let kind = "PodDisruptionBudget"
    public static let applyOrder = ApplyOrder.disruption
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<PolicyV1.PodDisruptionBudget>] = []

    /// How the budget is expressed.
    public enum Budget: Hashable, Sendable {
        case minAvailable(PodCount)
        case maxUnavailable(PodCount)
    }

    public let selector: Labels
    public let budget: Budget
    /// The workload's `Kind/name`.
    public let target: String

    /// A budget for `workload`'s pods.
    public init(
        _ name: String, protecting workload: some Workload, _ budget: Budget,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        selector = workload.selector
        self.budget = budget
        target = workload.identity
        location = SourceLocation(file, line)
    }

    /// A budget read from a manifest (`gen lint`).
    init(_ name: String, selector: Labels, budget: Budget, location: SourceLocation) {
        metadata = ObjectMeta(name: name)
        self.selector = selector
        self.budget = budget
        target = "pods \(selector.pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ","))"
        self.location = location
    }

    public var unpatchedObject: PolicyV1.PodDisruptionBudget {
        var spec = PolicyV1.PodDisruptionBudgetSpec(selector: MetaV1.LabelSelector(matchLabels: selector.stringMap))
        switch budget {
        case .minAvailable(let count): spec.minAvailable = count.generated
        case .maxUnavailable(let count): spec.maxUnavailable = count.generated
        }
        return PolicyV1.PodDisruptionBudget(spec: spec)
    }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        context.checkSelectorNotEmpty(selector, field: "spec/selector", at: location)
        switch budget {
        case .minAvailable(.count(let count)), .maxUnavailable(.count(let count)):
            if count < 0 { context.error("availability", "a pod count must not be negative", field: "spec", at: location) }
        case .minAvailable(.percent(let percent)), .maxUnavailable(.percent(let percent)):
            if !(0...100).contains(percent) { context.error("availability", "a percentage must be within 0...100", field: "spec", at: location) }
        }
    }
}
