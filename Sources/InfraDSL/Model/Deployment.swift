import KubernetesAPI

/// A Deployment: interchangeable pods replaced by rolling update.
public struct Deployment: Workload, GeneratedResource {
    public static let apiVersion = "apps/v1"
    public static let kind = "Deployment"
    public static let applyOrder = ApplyOrder.workload
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<AppsV1.Deployment>] = []

    /// How pods are replaced when the template changes.
    public enum Strategy: Hashable, Sendable {
        /// Kill every old pod before starting new ones (single-writer workloads).
        case recreate
        /// Replace gradually, within the given surge and unavailability.
        case rollingUpdate(maxSurge: Int? = nil, maxUnavailable: Int? = nil)
    }

    public let selector: Labels
    public let replicas: Int?
    /// The pod template as written; ``template`` is what the checks read after patches.
    public let declaredTemplate: PodTemplate
    public var template: PodTemplate { checkedTemplate(declared: declaredTemplate) }
    public private(set) var strategy: Strategy?

    /// A Deployment.
    public init(
        _ name: String, selector: Labels, replicas: Int? = nil, template: PodTemplate,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        self.selector = selector
        self.replicas = replicas
        declaredTemplate = template
        location = SourceLocation(file, line)
    }

    /// How pods are replaced.
    public func strategy(_ strategy: Strategy) -> Deployment {
        var copy = self
        copy.strategy = strategy
        return copy
    }

    public var unpatchedObject: AppsV1.Deployment {
        var spec = AppsV1.DeploymentSpec(
            replicas: replicas, selector: MetaV1.LabelSelector(matchLabels: selector.stringMap),
            template: declaredTemplate.generated(selector: selector))
        switch strategy {
        case .recreate?:
            spec.strategy = AppsV1.DeploymentStrategy(type: .recreate)
        case .rollingUpdate(let surge, let unavailable)?:
            spec.strategy = AppsV1.DeploymentStrategy(
                type: .rollingUpdate,
                rollingUpdate: AppsV1.RollingUpdateDeployment(maxSurge: surge.map(IntOrString.int), maxUnavailable: unavailable.map(IntOrString.int)))
        case nil:
            break
        }
        return AppsV1.Deployment(spec: spec)
    }

    public func validate(_ context: inout ValidationContext) {
        validateWorkload(&context)
        validatePatches(&context)
    }
}
