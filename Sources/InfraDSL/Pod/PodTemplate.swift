import KubernetesAPI

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
    /// The template's fields, behind one reference: workloads, checks and the resolver pass
    /// templates around by value, and a copy is then one retain, not one per field. A modifier
    /// changes the box in place only when nothing else holds it.
    private struct Contents: Hashable, Sendable {
        var labels: Labels
        var annotations: Labels
        var initContainers: [Container] = []
        var containers: [Container] = []
        var volumes: [Volume] = []
        var terminationGracePeriod: Seconds?
        var nodeSelector: Labels = .none
        var tolerations: [Taint] = []
        var serviceAccountName: String?
        var automountServiceAccountToken: Bool?
        var securityContext: PodSecurityContext?
        var affinity: Affinity?
        var priorityClassName: String?
        var location: SourceLocation
    }

    private var storage: SharedValue<Contents>

    /// Labels added to the workload's selector labels.
    public var labels: Labels { storage.contents.labels }
    public var annotations: Labels { storage.contents.annotations }
    public var initContainers: [Container] { storage.contents.initContainers }
    public var containers: [Container] { storage.contents.containers }
    public var volumes: [Volume] { storage.contents.volumes }
    public var terminationGracePeriod: Seconds? { storage.contents.terminationGracePeriod }
    public var nodeSelector: Labels { storage.contents.nodeSelector }
    /// The node taints the pods tolerate.
    public var tolerations: [Taint] { storage.contents.tolerations }
    public var serviceAccountName: String? { storage.contents.serviceAccountName }
    public var automountServiceAccountToken: Bool? { storage.contents.automountServiceAccountToken }
    public var securityContext: PodSecurityContext? { storage.contents.securityContext }
    public var affinity: Affinity? { storage.contents.affinity }
    public var priorityClassName: String? { storage.contents.priorityClassName }
    /// Where it was written.
    public internal(set) var location: SourceLocation {
        get { storage.contents.location }
        set { storage.set(\.location, newValue) }
    }

    /// A pod template with its containers and volumes.
    public init(
        labels: Labels = .none, annotations: Labels = .none, file: StaticString = #filePath, line: UInt = #line,
        @PodBuilder _ content: () -> [PodPart]
    ) {
        var contents = Contents(labels: labels, annotations: annotations, location: SourceLocation(file, line))
        for part in content() {
            switch part {
            case .container(let container): contents.containers.append(container)
            case .initContainers(let group): contents.initContainers.append(contentsOf: group)
            case .volume(let volume): contents.volumes.append(volume)
            }
        }
        storage = SharedValue(contents)
    }

    /// This value with one field changed; consuming, so a new value in a chain of modifiers is
    /// changed in place instead of copied for each modifier.
    private consuming func with<T>(_ keyPath: WritableKeyPath<Contents, T>, _ value: T) -> PodTemplate {
        storage.set(keyPath, value)
        return self
    }

    /// Time between SIGTERM and SIGKILL.
    public consuming func terminationGracePeriod(_ seconds: Seconds) -> PodTemplate { with(\.terminationGracePeriod, seconds) }
    /// Node labels the pod requires.
    public consuming func nodeSelector(_ labels: Labels) -> PodTemplate { with(\.nodeSelector, labels) }
    /// The pods may run on nodes with these taints (a dedicated node pool's).
    public consuming func tolerating(_ taints: [Taint]) -> PodTemplate { with(\.tolerations, taints) }
    /// The identity the pod runs as.
    public consuming func serviceAccountName(_ name: String) -> PodTemplate { with(\.serviceAccountName, name) }
    /// Whether the service account token is mounted.
    public consuming func automountServiceAccountToken(_ mount: Bool) -> PodTemplate { with(\.automountServiceAccountToken, mount) }
    /// Pod-level security settings.
    public consuming func securityContext(_ context: PodSecurityContext) -> PodTemplate { with(\.securityContext, context) }
    /// Scheduling rules.
    public consuming func affinity(_ affinity: Affinity) -> PodTemplate { with(\.affinity, affinity) }
    /// The PriorityClass of the pod.
    public consuming func priorityClassName(_ name: String) -> PodTemplate { with(\.priorityClassName, name) }
    /// More annotations on the pod.
    public consuming func annotations(_ more: Labels) -> PodTemplate { with(\.annotations, annotations.merging(more)) }

    /// Every container, init containers first.
    public var allContainers: [Container] {
        // Most pods have no init containers: then this is the containers array itself, not a copy
        // of every container (each copy retains every field).
        initContainers.isEmpty ? containers : initContainers + containers
    }

    /// The template in the generated API, its pods labelled with `selector` as well as their own labels.
    public func generated(selector: Labels) -> CoreV1.PodTemplateSpec {
        var spec = CoreV1.PodSpec(containers: containers.map(\.generated))
        spec.volumes = volumes.map(\.generated).nonEmpty
        spec.initContainers = initContainers.map(\.generated).nonEmpty
        spec.terminationGracePeriodSeconds = terminationGracePeriod?.seconds
        spec.nodeSelector = nodeSelector.stringMap
        spec.tolerations = tolerations.map(\.generatedToleration).nonEmpty
        spec.serviceAccountName = serviceAccountName
        spec.automountServiceAccountToken = automountServiceAccountToken
        spec.securityContext = securityContext.map(\.generated).flatMap { $0 == CoreV1.PodSecurityContext() ? nil : $0 }
        spec.affinity = affinity.map(\.generated).flatMap { $0 == CoreV1.Affinity() ? nil : $0 }
        spec.priorityClassName = priorityClassName
        let metadata = MetaV1.ObjectMeta(labels: selector.merging(labels).stringMap, annotations: annotations.stringMap)
        return CoreV1.PodTemplateSpec(metadata: metadata, spec: spec)
    }
}
