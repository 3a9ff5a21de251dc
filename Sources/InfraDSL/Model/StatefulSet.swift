/// A StatefulSet: pods with stable names and per-pod volume claims.
///
/// ```swift
/// StatefulSet("trading-engine", selector: ["app": "trading-engine"], serviceName: "trading-engine-headless",
///             replicas: 5, template: PodTemplate { ... })
///     .podManagementPolicy(.parallel)
///     .updateStrategy(.rollingUpdate(partition: 0))
/// ```
public struct StatefulSet: Workload {
    public static let apiVersion = "apps/v1"
    public static let kind = "StatefulSet"
    public static let applyOrder = ApplyOrder.workload
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var overrides: [Override] = []

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
    public let template: PodTemplate
    public private(set) var podManagementPolicy: PodManagementPolicy?
    public private(set) var updateStrategy: UpdateStrategy?
    public private(set) var volumeClaimTemplates: [VolumeClaimTemplate] = []

    /// A StatefulSet governed by the headless Service `serviceName`.
    public init(
        _ name: String, selector: Labels, serviceName: String, replicas: Int? = nil,
        template: PodTemplate, file: StaticString = #fileID, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        self.selector = selector
        self.serviceName = serviceName
        self.replicas = replicas
        self.template = template
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

    public func bodyFields() -> Fields {
        var spec = Fields()
        spec.add("serviceName", serviceName)
        spec.add("replicas", replicas)
        spec.add("podManagementPolicy", podManagementPolicy?.rawValue)
        spec.add("updateStrategy", updateStrategy.map(Self.value(of:)))
        spec.add("selector", ["matchLabels": selector.value] as Value)
        spec.add("template", template.value(selector: selector))
        spec.add("volumeClaimTemplates", volumeClaimTemplates)
        var fields = Fields()
        fields.add("spec", .object(spec))
        return fields
    }

    private static func value(of strategy: UpdateStrategy) -> Value {
        switch strategy {
        case .onDelete:
            return ["type": "OnDelete"]
        case .rollingUpdate(let partition, let maxUnavailable):
            var rolling = Fields()
            rolling.add("partition", partition)
            rolling.add("maxUnavailable", maxUnavailable)
            var fields = Fields()
            fields.add("type", "RollingUpdate")
            fields.add("rollingUpdate", .object(rolling))
            return .object(fields)
        }
    }

    public func validate(_ context: inout ValidationContext) {
        validateWorkload(&context)
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
