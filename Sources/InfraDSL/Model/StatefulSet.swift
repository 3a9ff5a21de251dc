import KubernetesAPI

/// A StatefulSet: pods with stable names and per-pod volume claims.
///
/// ```swift
/// StatefulSet("trading-engine", selector: ["app": "trading-engine"], serviceName: "trading-engine-headless",
///             replicas: 5, template: PodTemplate { ... })
///     .podManagementPolicy(.parallel)
///     .updateStrategy(.rollingUpdate(partition: 0))
/// ```
public struct StatefulSet: Workload, GeneratedResource {
    public static let apiVersion = "apps/v1"
    public static let kind = "StatefulSet"
    public static let applyOrder = ApplyOrder.workload
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<AppsV1.StatefulSet>] = []

    /// How pods are created and deleted.
    public enum PodManagementPolicy: String, Hashable, Sendable {
        case orderedReady = "OrderedReady"
        case parallel = "Parallel"
    }

    /// How pods are replaced when the template changes.
    public enum UpdateStrategy: Hashable, Sendable {
        /// Replace pods from the highest ordinal down, leaving ordinals below `partition` alone.
        case rollingUpdate(partition: Int? = nil, maxUnavailable: Int? = nil)
        /// Replace a pod only when it is deleted.
        case onDelete
    }

    public let selector: Labels
    public let serviceName: String
    public let replicas: Int?
    /// The pod template as written; ``template`` is what the checks read after patches.
    public let declaredTemplate: PodTemplate
    public var template: PodTemplate { checkedTemplate(declared: declaredTemplate) }
    public private(set) var podManagementPolicy: PodManagementPolicy?
    public private(set) var updateStrategy: UpdateStrategy?
    public private(set) var volumeClaimTemplates: [VolumeClaimTemplate] = []

    /// A StatefulSet governed by the headless Service `serviceName`.
    public init(
        _ name: String, selector: Labels, serviceName: String, replicas: Int? = nil,
        template: PodTemplate, file: StaticString = #filePath, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        self.selector = selector
        self.serviceName = serviceName
        self.replicas = replicas
        declaredTemplate = template
        location = SourceLocation(file, line)
    }

    public var volumeClaimNames: Set<String> { Set(volumeClaimTemplates.map(\.name)) }

    /// `OrderedReady` (the default) or `Parallel`.
    public func podManagementPolicy(_ policy: PodManagementPolicy) -> StatefulSet {
        var copy = self
        copy.podManagementPolicy = policy
        return copy
    }

    /// How pods are replaced on a template change.
    public func updateStrategy(_ strategy: UpdateStrategy) -> StatefulSet {
        var copy = self
        copy.updateStrategy = strategy
        return copy
    }

    /// Per-pod volume claims.
    public func volumeClaimTemplates(_ templates: VolumeClaimTemplate...) -> StatefulSet {
        var copy = self
        copy.volumeClaimTemplates.append(contentsOf: templates)
        return copy
    }

    public var unpatchedObject: AppsV1.StatefulSet {
        var spec = AppsV1.StatefulSetSpec(
            serviceName: serviceName, replicas: replicas,
            selector: MetaV1.LabelSelector(matchLabels: selector.stringMap),
            template: declaredTemplate.generated(selector: selector))
        spec.podManagementPolicy = podManagementPolicy.map { AppsV1.PodManagementPolicyType(rawValue: $0.rawValue) }
        switch updateStrategy {
        case .onDelete?:
            spec.updateStrategy = AppsV1.StatefulSetUpdateStrategy(type: .onDelete)
        case .rollingUpdate(let partition, let maxUnavailable)?:
            let rolling = AppsV1.RollingUpdateStatefulSetStrategy(partition: partition, maxUnavailable: maxUnavailable.map(IntOrString.int))
            spec.updateStrategy = AppsV1.StatefulSetUpdateStrategy(
                type: .rollingUpdate, rollingUpdate: rolling == AppsV1.RollingUpdateStatefulSetStrategy() ? nil : rolling)
        case nil:
            break
        }
        spec.volumeClaimTemplates = volumeClaimTemplates.map(\.generated).nonEmpty
        return AppsV1.StatefulSet(spec: spec)
    }

    public func validate(_ context: inout ValidationContext) {
        validateWorkload(&context)
        validatePatches(&context)
        context.checkName(serviceName, field: "spec/serviceName", label: true, at: location)
        if case .rollingUpdate(let partition?, _)? = updateStrategy, partition < 0 {
            context.error("replicas", "partition must not be negative (is \(partition))", field: "spec/updateStrategy", at: location)
        }
        var claimNames = Set<String>()
        for claim in volumeClaimTemplates {
            claim.validate(&context)
            if !claimNames.insert(claim.name).inserted {
                context.error("duplicate", "volume claim template '\(claim.name)' is declared twice", field: "spec/volumeClaimTemplates", at: claim.location)
            }
        }
    }
}
