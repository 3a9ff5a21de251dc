/// A pod template: its labels and annotations, containers, volumes and pod-level settings.
///
/// ```swift
/// PodTemplate(annotations: ["prometheus.io/scrape": "true"]) {
///     Container("app", image: "...") { ContainerPort("http", 8080) }
///     Volume("logs", .emptyDir())
/// }
/// .priorityClassName("high-priority")
/// ```
public struct PodTemplate: Hashable, Sendable {
    /// Labels added to the workload's selector labels.
    public private(set) var labels: Labels
    public private(set) var annotations: Labels
    public private(set) var initContainers: [Container] = []
    public private(set) var containers: [Container] = []
    public private(set) var volumes: [Volume] = []
    public private(set) var terminationGracePeriod: Seconds?
    public private(set) var nodeSelector: Labels = .none
    public private(set) var serviceAccountName: String?
    public private(set) var automountServiceAccountToken: Bool?
    public private(set) var securityContext: PodSecurityContext?
    public private(set) var affinity: Affinity?
    public private(set) var priorityClassName: String?
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A pod template with its containers and volumes.
    public init(
        labels: Labels = .none, annotations: Labels = .none, file: StaticString = #fileID, line: UInt = #line,
        @PodBuilder _ content: () -> [PodPart]
    ) {
        self.labels = labels
        self.annotations = annotations
        location = SourceLocation(file, line)
        for part in content() {
            switch part {
            case .container(let container): containers.append(container)
            case .initContainers(let group): initContainers.append(contentsOf: group)
            case .volume(let volume): volumes.append(volume)
            }
        }
    }

    private func with<T>(_ keyPath: WritableKeyPath<PodTemplate, T>, _ value: T) -> PodTemplate {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }

    /// Time between SIGTERM and SIGKILL.
    public func terminationGracePeriod(_ seconds: Seconds) -> PodTemplate { with(\.terminationGracePeriod, seconds) }
    /// Node labels the pod requires.
    public func nodeSelector(_ labels: Labels) -> PodTemplate { with(\.nodeSelector, labels) }
    /// The identity the pod runs as.
    public func serviceAccountName(_ name: String) -> PodTemplate { with(\.serviceAccountName, name) }
    /// Whether the service account token is mounted.
    public func automountServiceAccountToken(_ mount: Bool) -> PodTemplate { with(\.automountServiceAccountToken, mount) }
    /// Pod-level security settings.
    public func securityContext(_ context: PodSecurityContext) -> PodTemplate { with(\.securityContext, context) }
    /// Scheduling rules.
    public func affinity(_ affinity: Affinity) -> PodTemplate { with(\.affinity, affinity) }
    /// The PriorityClass of the pod.
    public func priorityClassName(_ name: String) -> PodTemplate { with(\.priorityClassName, name) }
    /// More annotations on the pod.
    public func annotations(_ more: Labels) -> PodTemplate { with(\.annotations, annotations.merging(more)) }

    /// Every container, init containers first.
    public var allContainers: [Container] {
        // Most pods have no init containers: then this is the containers array itself, not a copy
        // of every container (each copy retains every field).
        initContainers.isEmpty ? containers : initContainers + containers
    }

    func value(selector: Labels) -> Value {
        var metadata = Fields()
        metadata.add("labels", selector.merging(labels))
        metadata.add("annotations", annotations)
        var spec = Fields()
        spec.add("volumes", volumes)
        spec.add("initContainers", initContainers)
        spec.add("containers", containers)
        spec.add("terminationGracePeriodSeconds", terminationGracePeriod)
        spec.add("nodeSelector", nodeSelector)
        spec.add("serviceAccountName", serviceAccountName)
        spec.add("automountServiceAccountToken", automountServiceAccountToken)
        spec.add("securityContext", securityContext)
        spec.add("affinity", affinity)
        spec.add("priorityClassName", priorityClassName)
        return ["metadata": .object(metadata), "spec": .object(spec)]
    }
}
