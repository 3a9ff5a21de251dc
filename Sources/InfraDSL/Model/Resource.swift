import KubernetesAPI
/// A Kubernetes object that an ``Environment`` holds.
///
/// Conforming types give their `apiVersion`, `kind`, metadata, their fields after `metadata` in
/// Kubernetes order, and their own validation. Everything else (namespace resolution, the escape
/// hatch, output order) is shared.
public protocol Resource: Sendable {
    /// `apps/v1`, `v1`, ...
    static var apiVersion: String { get }
    /// `StatefulSet`, `Service`, ...
    static var kind: String { get }
    /// Whether objects of this kind live in a namespace.
    static var isNamespaced: Bool { get }
    /// Where in the apply order this kind goes (lower applies first).
    static var applyOrder: ApplyOrder { get }
    /// Whether objects of this type are ``Workload``s. Given by the protocols (false, true for
    /// every workload), so code that scans all objects for workloads casts only those: a cast to a
    /// protocol looks its conformance up, and most objects are not workloads.
    static var isWorkload: Bool { get }

    /// Name, namespace, labels and annotations.
    var metadata: ObjectMeta { get set }
    /// Where the object was defined: the Swift line, or the manifest line for `gen lint`.
    var location: SourceLocation { get set }
    /// Where typed patches (``GeneratedResource/patch(file:line:_:)``) were written; none by default.
    var patchLocations: [SourceLocation] { get }

    /// The fields after `metadata` (`spec`, `data`, `rules`, ...), in Kubernetes order, written as
    /// keys and values into a document `sink` already has open: every format is rendered from
    /// these events (``EnvironmentResolver/document(for:)`` builds a ``Value`` from them).
    func writeBody(to sink: any DocumentSink)

    /// Reports what is wrong with this object.
    func validate(_ context: inout ValidationContext)
}

extension Resource {
    public static var isNamespaced: Bool { true }
    public static var isWorkload: Bool { false }
    public var patchLocations: [SourceLocation] { [] }

    /// `Kind/name`, the object's identity inside an environment.
    public var identity: String { "\(Self.kind)/\(metadata.name)" }

    /// The same object with more labels (merged, the new ones winning).
    public func labels(_ labels: Labels) -> Self {
        var copy = self
        copy.metadata.labels = copy.metadata.labels.merging(labels)
        return copy
    }

    /// The same object with more annotations.
    public func annotations(_ annotations: Labels) -> Self {
        var copy = self
        copy.metadata.annotations = copy.metadata.annotations.merging(annotations)
        return copy
    }

    /// The same object placed in an explicit namespace instead of the environment's.
    public func namespace(_ namespace: String) -> Self {
        var copy = self
        copy.metadata.namespace = namespace
        return copy
    }
}
