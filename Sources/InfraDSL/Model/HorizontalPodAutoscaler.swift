import KubernetesAPI

/// A metric an autoscaler targets.
public enum ScalingMetric: Hashable, Sendable {
    /// Average CPU use as a percentage of the pods' requests.
    case cpuUtilization(Int)
    /// Average memory use as a percentage of the pods' requests.
    case memoryUtilization(Int)
}

extension ScalingMetric {
    /// The metric in the generated API: a resource's average utilization.
    public var generated: AutoscalingV2.MetricSpec {
        let (name, percent): (String, Int) = switch self {
        case .cpuUtilization(let percent): ("cpu", percent)
        case .memoryUtilization(let percent): ("memory", percent)
        }
        let target = AutoscalingV2.MetricTarget(type: .utilization, averageUtilization: percent)
        return AutoscalingV2.MetricSpec(type: .resource, resource: AutoscalingV2.ResourceMetricSource(name: name, target: target))
    }
}

/// An autoscaling/v2 HorizontalPodAutoscaler that scales a workload between two replica counts.
public struct HorizontalPodAutoscaler: GeneratedResource {
    public static let apiVersion = "autoscaling/v2"
    public static let kind = "HorizontalPodAutoscaler"
    public static let applyOrder = ApplyOrder.scaling
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<AutoscalingV2.HorizontalPodAutoscaler>] = []

    public let targetAPIVersion: String
    public let targetKind: String
    public let targetName: String
    public let minReplicas: Int
    public let maxReplicas: Int
    public let metrics: [ScalingMetric]

    /// An autoscaler for `workload`.
    public init(
        _ name: String, scaling workload: some Workload, minReplicas: Int, maxReplicas: Int,
        metrics: [ScalingMetric], file: StaticString = #filePath, line: UInt = #line
    ) {
        metadata = ObjectMeta(name: name)
        targetAPIVersion = type(of: workload).apiVersion
        targetKind = type(of: workload).kind
        targetName = workload.metadata.name
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics
        location = SourceLocation(file, line)
    }

    /// An autoscaler read from a manifest (`gen lint`).
    init(_ name: String, target: (apiVersion: String, kind: String, name: String), minReplicas: Int, maxReplicas: Int, metrics: [ScalingMetric], location: SourceLocation) {
        metadata = ObjectMeta(name: name)
        (targetAPIVersion, targetKind, targetName) = target
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics
        self.location = location
    }

    public var unpatchedObject: AutoscalingV2.HorizontalPodAutoscaler {
        let target = AutoscalingV2.CrossVersionObjectReference(apiVersion: targetAPIVersion, kind: targetKind, name: targetName)
        return AutoscalingV2.HorizontalPodAutoscaler(spec: AutoscalingV2.HorizontalPodAutoscalerSpec(
            scaleTargetRef: target, minReplicas: minReplicas, maxReplicas: maxReplicas, metrics: metrics.map(\.generated).nonEmpty))
    }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        if minReplicas < 1 {
            context.error("replicas", "minReplicas must be at least 1 (is \(minReplicas))", field: "spec/minReplicas", at: location)
        }
        if maxReplicas < minReplicas {
            context.error("replicas", "maxReplicas \(maxReplicas) is below minReplicas \(minReplicas)", field: "spec/maxReplicas", at: location)
        }
        // Metrics the intent type cannot name may be set by a patch (or kept from a manifest).
        if metrics.isEmpty && (object.spec?.metrics ?? []).isEmpty {
            context.error("scaling", "an autoscaler needs at least one metric", field: "spec/metrics", at: location)
        }
        for metric in metrics {
            switch metric {
            case .cpuUtilization(let percent), .memoryUtilization(let percent):
                if percent < 1 {
                    context.error("scaling", "a utilization target must be at least 1% (is \(percent)%)", field: "spec/metrics", at: location)
                }
            }
        }
    }
}
