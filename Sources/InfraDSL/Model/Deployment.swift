/// A Deployment: interchangeable pods replaced by rolling update.
public struct Deployment: Workload {
    public static let apiVersion = "apps/v1"
    public static let kind = "Deployment"
    public static let applyOrder = ApplyOrder.workload
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var overrides: [Override] = []

    /// How pods are replaced when the template changes.
    public enum Strategy: Hashable, Sendable {
        /// Kill every old pod before starting new ones (single-writer workloads).
        case recreate
        /// Replace gradually, within the given surge and unavailability.
        case rollingUpdate(maxSurge: Int? = nil, maxUnavailable: Int? = nil)
    }

    public let selector: Labels
    public let replicas: Int?
    public let template: PodTemplate
    public private(set) var strategy: Strategy?

    /// A Deployment.
    public init(
        _ name: String, selector: Labels, replicas: Int? = nil, template: PodTemplate,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        self.selector = selector
        self.replicas = replicas
        self.template = template
        location = SourceLocation(file, line)
    }

    /// How pods are replaced.
    public func strategy(_ strategy: Strategy) -> Deployment {
        var copy = self
        copy.strategy = strategy
        return copy
    }

    public func bodyFields() -> Fields {
        var spec = Fields()
        spec.add("replicas", replicas)
        spec.add("selector", ["matchLabels": selector.value] as Value)
        spec.add("template", template.value(selector: selector))
        switch strategy {
        case .recreate?:
            spec.add("strategy", ["type": "Recreate"] as Value)
        case .rollingUpdate(let surge, let unavailable)?:
            var rolling = Fields()
            rolling.add("maxSurge", surge)
            rolling.add("maxUnavailable", unavailable)
            spec.add("strategy", ["type": "RollingUpdate", "rollingUpdate": .object(rolling)] as Value)
        case nil:
            break
        }
        var fields = Fields()
        fields.add("spec", .object(spec))
        return fields
    }

    public func validate(_ context: inout ValidationContext) {
        validateWorkload(&context)
    }
}
