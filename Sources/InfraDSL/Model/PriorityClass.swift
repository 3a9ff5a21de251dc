import KubernetesAPI

/// A PriorityClass (cluster-scoped): pods that name it are scheduled, and preempt, by its value.
public struct PriorityClass: GeneratedResource {
    public static let apiVersion = "scheduling.k8s.io/v1"
    public static let kind = "PriorityClass"
    public static let isNamespaced = false
    public static let applyOrder = ApplyOrder.cluster
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<SchedulingV1.PriorityClass>] = []

    public let priority: Int
    public let globalDefault: Bool
    public let preemptionPolicy: String?
    public let description: String?

    /// A priority class; `preemptionPolicy` is `PreemptLowerPriority` (default) or `Never`.
    public init(
        _ name: String, value priority: Int, globalDefault: Bool = false, preemptionPolicy: String? = nil,
        description: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        self.priority = priority
        self.globalDefault = globalDefault
        self.preemptionPolicy = preemptionPolicy
        self.description = description
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: SchedulingV1.PriorityClass {
        SchedulingV1.PriorityClass(
            value: priority, globalDefault: globalDefault,
            preemptionPolicy: preemptionPolicy.map(CoreV1.PreemptionPolicy.init(rawValue:)), description: description)
    }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        if priority > 1_000_000_000 {
            context.error("priority", "user priority classes must be at most 1000000000 (is \(priority))", field: "value", at: location)
        }
        if let preemptionPolicy, !["PreemptLowerPriority", "Never"].contains(preemptionPolicy) {
            context.error("priority", "preemptionPolicy must be PreemptLowerPriority or Never", field: "preemptionPolicy", at: location)
        }
    }
}
