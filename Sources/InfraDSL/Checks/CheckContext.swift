import KubernetesAPI

/// One semantic check over a resolved environment.
public protocol EnvironmentCheck: Sendable {
    /// The check's id, as diagnostics and `--format json` show it: `capacity`, `reachability`, ...
    static var id: String { get }
    /// Reports findings into the context.
    static func run(_ context: inout CheckContext)
}

/// What a check sees: the environment's resolved objects, its contract, and where to report.
public struct CheckContext: Sendable {
    public let environment: String
    public let kind: Environment.Kind
    public let objects: [any Resource]
    public let contract: EnvironmentContract
    public internal(set) var location: SourceLocation
    /// Findings so far.
    public internal(set) var diagnostics = DiagnosticCollector()
    /// The check currently running.
    var check = ""

    // Indexes built once, so checks stay linear in the number of objects.
    /// Per resource type, its objects as an array of that type (`[Service]` under `Service`):
    /// cast once here, not by every check that asks for them.
    private let objectsByType: [ObjectIdentifier: any Sendable]
    private let identities: Set<KindAndName>
    private let autoscalers: [ScaleTarget: HorizontalPodAutoscaler]
    private let workloadsByLabel: [PodLabel: [Int]]
    /// Per workload (same index): the labels its pods carry and its namespace, computed once.
    private let workloadPodLabels: [Labels]
    private let workloadNamespaces: [String?]
    /// Every workload.
    public let workloads: [any Workload]
    /// The objects whose kind says what they make and name (``ObjectRelations``), found once.
    let related: [(object: any Resource, relations: any ObjectRelations)]

    init(environment: Environment, objects: [any Resource]) {
        self.environment = environment.name
        kind = environment.kind
        self.objects = objects
        contract = environment.contract
        location = environment.location
        var lists: [ObjectIdentifier: any ObjectList] = [:]
        var identities = Set<KindAndName>(minimumCapacity: objects.count + environment.contract.externalObjects.count)
        var workloads: [any Workload] = []
        var related: [(object: any Resource, relations: any ObjectRelations)] = []
        for object in objects {
            let type = type(of: object)
            let list = Self.collect(object, into: &lists)
            identities.insert(KindAndName(kind: type.kind, name: object.metadata.name))
            // What a controller makes from the object (an ExternalSecret's Secret) is there too.
            if list.mayRelate, let relations = (object as? any RelatedResource)?.relations {
                related.append((object, relations))
                for made in relations.producedObjects { identities.insert(KindAndName(kind: made.kind, name: made.name)) }
            }
            if type.isWorkload, let workload = object as? any Workload { workloads.append(workload) }
        }
        for external in environment.contract.externalObjects { identities.insert(KindAndName(kind: external.kind, name: external.name)) }
        objectsByType = lists.mapValues(\.objects)
        self.identities = identities
        self.workloads = workloads
        self.related = related
        let podLabels = workloads.map(\.podLabels)
        workloadPodLabels = podLabels
        workloadNamespaces = workloads.map(\.metadata.namespace)
        var byLabel: [PodLabel: [Int]] = [:]
        for (index, workload) in workloads.enumerated() {
            let namespace = workload.metadata.namespace
            for pair in podLabels[index] { byLabel[PodLabel(namespace: namespace, key: pair.key, value: pair.value), default: []].append(index) }
        }
        workloadsByLabel = byLabel
        var autoscalers: [ScaleTarget: HorizontalPodAutoscaler] = [:]
        for autoscaler in objectsByType[ObjectIdentifier(HorizontalPodAutoscaler.self)] as? [HorizontalPodAutoscaler] ?? [] {
            autoscalers[ScaleTarget(namespace: autoscaler.metadata.namespace, kind: autoscaler.targetKind, name: autoscaler.targetName)] = autoscaler
        }
        self.autoscalers = autoscalers
    }

    /// Objects of one kind.
    public func all<T: Resource>(_ type: T.Type) -> [T] { objectsByType[ObjectIdentifier(T.self)] as? [T] ?? [] }

    /// Whether an object of `kind` and `name` exists here, is made from one here (an ExternalSecret's
    /// Secret), or is declared external.
    public func exists(kind: String, name: String) -> Bool {
        identities.contains(KindAndName(kind: kind, name: name))
    }

    private func autoscaler(of workload: any Workload) -> HorizontalPodAutoscaler? {
        autoscalers[ScaleTarget(namespace: workload.metadata.namespace, kind: type(of: workload).kind, name: workload.metadata.name)]
    }

    /// The most replicas a workload can run: its autoscaler's maximum, else its replica count.
    public func maximumReplicas(of workload: any Workload) -> Int {
        let autoscaler = autoscaler(of: workload)
        let declared = contract.scale.filter { LabelSelector(matchLabels: $0.pods).matches(workload.podLabels) }.map(\.maximum)
        return ([autoscaler?.maxReplicas ?? workload.replicas ?? 1, workload.replicas ?? 0] + declared).max()!
    }

    /// The fewest replicas a workload runs.
    public func minimumReplicas(of workload: any Workload) -> Int {
        let autoscaler = autoscaler(of: workload)
        return autoscaler?.minReplicas ?? workload.replicas ?? 1
    }

    /// Every namespace the environment knows: its own and the declared external ones.
    public var namespaces: [NamespaceReference] {
        all(Namespace.self).map { NamespaceReference($0.metadata.name, labels: $0.metadata.labels) } + contract.externalNamespaces
    }

    /// The labels of a namespace, if it is known.
    public func namespaceLabels(_ name: String) -> Labels? {
        namespaces.first { $0.name == name }?.labels
    }

    /// Workloads in `namespace` whose pods `selector` selects.
    public func workloads(selectedBy selector: LabelSelector, in namespace: String?) -> [any Workload] {
        // The shortest list of workloads carrying one of the selector's labels holds every match.
        var candidates: [Int]?
        for pair in selector.matchLabels.pairs {
            let posting = workloadsByLabel[PodLabel(namespace: namespace, key: pair.key, value: pair.value)] ?? []
            if candidates == nil || posting.count < candidates!.count { candidates = posting }
        }
        var selected: [any Workload] = []
        for index in candidates ?? Array(workloads.indices) where workloadNamespaces[index] == namespace && selector.matches(workloadPodLabels[index]) {
            selected.append(workloads[index])
        }
        return selected
    }

    /// An object's kind and name: what ``exists(kind:name:)`` looks up.
    private struct KindAndName: Hashable, Sendable {
        let kind: String
        let name: String
    }

    /// The workload an autoscaler scales.
    private struct ScaleTarget: Hashable, Sendable {
        let namespace: String?
        let kind: String
        let name: String
    }

    /// A label a workload's pods carry, in the workload's namespace: the key of the selector index.
    private struct PodLabel: Hashable, Sendable {
        let namespace: String?
        let key: String
        let value: String
    }

    /// Records an error of the running check.
    public mutating func error(_ message: String, at object: any Resource, field: String? = nil, location: SourceLocation? = nil) {
        diagnostics.error(check, message, at: path(object, field), location ?? object.location)
    }

    /// Records a warning of the running check.
    public mutating func warning(_ message: String, at object: any Resource, field: String? = nil, location: SourceLocation? = nil) {
        diagnostics.warning(check, message, at: path(object, field), location ?? object.location)
    }

    /// Records an error about the environment as a whole (a contract nothing fulfils).
    public mutating func environmentError(_ message: String, field: String) {
        diagnostics.error(check, message, at: ResourcePath([environment, field]), location)
    }

    private func path(_ object: any Resource, _ field: String?) -> ResourcePath {
        var segments = [environment, type(of: object).kind, object.metadata.name]
        if let field { segments += field.split(separator: "/").map(String.init) }
        return ResourcePath(segments)
    }
}

extension CheckContext {
    /// Appends `object` to the list of its type, made on the type's first object. Called with an
    /// `any Resource`, it runs with the object's own type, so no object is cast to collect it.
    private static func collect<T: Resource>(_ object: T, into lists: inout [ObjectIdentifier: any ObjectList]) -> any ObjectList {
        let id = ObjectIdentifier(T.self)
        guard let list = lists[id] else {
            let list = Objects<T>()
            list.items.append(object)
            lists[id] = list
            return list
        }
        // Keyed by its type's identifier, so the list holds objects of this type.
        unsafeDowncast(list, to: Objects<T>.self).items.append(object)
        return list
    }
}

/// The objects of one resource type, while ``CheckContext``'s index is built.
private protocol ObjectList: AnyObject {
    /// The objects, as `[T]` of their type.
    var objects: any Sendable { get }
    /// Whether the type may say what a controller makes from its objects (``RelatedResource``):
    /// asked once per type instead of a conformance cast per object.
    var mayRelate: Bool { get }
}

private final class Objects<T: Resource>: ObjectList {
    var items: [T] = []
    let mayRelate = T.self is any RelatedResource.Type
    var objects: any Sendable { items }
}
