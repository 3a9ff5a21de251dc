import KubernetesAPI

/// An object of the generated Kubernetes API (``AppsV1``, ``BatchV1``...) or of an imported custom
/// resource, placed in an environment as it is: every field typed, nothing string-keyed. The
/// environment's namespace and common labels apply to it as to any object, and the checks see it;
/// a kind that runs pods (Job, CronJob, DaemonSet...) is a ``Workload`` whose pods are checked like a
/// StatefulSet's.
///
/// An environment's builder wraps a generated object by itself, recording the line it was written on:
///
/// ```swift
/// Environment("production", namespace: "trading") {
///     BatchV1.CronJob(metadata: .init(name: "end-of-day"), spec: .init(jobTemplate: job, schedule: "30 22 * * 1-5"))
/// }
/// ```
public struct APIObject<Object: KubernetesObject>: Resource {
    public static var apiVersion: String { Object.apiVersion }
    public static var kind: String { Object.kind }
    public static var isNamespaced: Bool { Object.isNamespaced }
    public static var applyOrder: ApplyOrder { ApplyOrder.of(kind: Object.kind, namespaced: Object.isNamespaced) }
    public static var isWorkload: Bool { Object.self is any PodTemplateCarrying.Type }

    /// The typed object; change it freely, the compiler checks every field.
    public var object: Object
    public var location: SourceLocation
    /// The manifest's lines, for an object `gen lint` read: its pods' parts are placed at them.
    var lines: ManifestLines?
    /// For an object `gen lint` read, the values its schema does not allow, found as it was read
    /// (so it is not walked again); nil for any other.
    var readProblems: [APIObjectValidation.ValueProblem]?

    /// `object` as written at `file`:`line`. Only kinds without secret material: a generated
    /// `Secret` is placed by a development environment's builder, nowhere else.
    public init(_ object: Object, file: StaticString = #filePath, line: UInt = #line) where Object: SecretFreeObject {
        self.object = object
        location = SourceLocation(file, line)
    }

    /// Any object, `Secret` included, as written at `file`:`line` (the development builder).
    init(anyKind object: Object, file: StaticString, line: UInt) {
        self.object = object
        location = SourceLocation(file, line)
    }

    /// `object` as read from a manifest at `location`, with the manifest's `lines` and the problems
    /// found reading it (`gen lint`).
    init(_ object: Object, location: SourceLocation, lines: ManifestLines, readProblems: [APIObjectValidation.ValueProblem]) {
        self.object = object
        self.location = location
        self.lines = lines
        self.readProblems = readProblems
    }

    /// The same object changed by `change`, checked by the compiler (the typed escape hatch).
    ///
    /// ```swift
    /// cronJob.patch { $0.spec?.jobTemplate.spec?.template.spec?.restartPolicy = .onFailure }
    /// ```
    public func patch(_ change: (inout Object) -> Void) -> APIObject {
        var copy = self
        change(&copy.object)
        copy.readProblems = nil  // what was read no longer describes it: walk it
        return copy
    }

    public var metadata: ObjectMeta {
        get {
            let meta = object.metadata
            return ObjectMeta(
                name: meta?.name ?? "", namespace: meta?.namespace,
                labels: Labels(meta?.labels), annotations: Labels(meta?.annotations))
        }
        set {
            var meta = object.metadata ?? MetaV1.ObjectMeta()
            meta.name = newValue.name.isEmpty ? nil : newValue.name
            meta.namespace = newValue.namespace
            meta.labels = newValue.labels.stringMap
            meta.annotations = newValue.annotations.stringMap
            object.metadata = meta
        }
    }

    public func writeBody(to sink: any DocumentSink) { object.writeBody(to: sink) }

    public func validate(_ context: inout ValidationContext) {
        APIObjectValidation.validate(object, at: location, lines: lines, readProblems: readProblems, into: &context)
        (self as? any PodValidating)?.validatePods(&context)
    }
}

/// A resource whose object says what it makes and what it names (``ObjectRelations``): the checks
/// count what it makes as present and require what it names.
protocol RelatedResource {
    var relations: (any ObjectRelations)? { get }
}

extension APIObject: RelatedResource {
    var relations: (any ObjectRelations)? { object as? any ObjectRelations }
}

extension ApplyOrder {
    /// Where a kind of the generated API goes in the apply order, by what it is.
    static func of(kind: String, namespaced: Bool) -> ApplyOrder {
        switch kind {
        case "Namespace": .namespace
        case "ResourceQuota", "LimitRange": .quota
        case "NetworkPolicy": .policy
        case "ServiceAccount": .identity
        case "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding": .rbac
        case "ConfigMap", "Secret", "ExternalSecret", "SecretStore": .config
        case "PersistentVolumeClaim": .storage
        case "Service", "Ingress": .service
        case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod": .workload
        case "PodDisruptionBudget": .disruption
        case "HorizontalPodAutoscaler": .scaling
        default: namespaced ? .config : .cluster
        }
    }
}
