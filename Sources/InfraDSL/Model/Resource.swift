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
    /// Fields set through the escape hatch, applied last.
    var overrides: [Override] { get set }

    /// The fields after `metadata` (`spec`, `data`, `rules`, ...), in Kubernetes order.
    func bodyFields() -> Fields

    /// Reports what is wrong with this object.
    func validate(_ context: inout ValidationContext)
}

extension Resource {
    public static var isNamespaced: Bool { true }
    public static var isWorkload: Bool { false }

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

    /// The escape hatch: sets a field the typed model does not have, at a dotted path from the
    /// object's root (`"spec.template.spec.hostNetwork"`), with a typed ``Value``. Objects at the path
    /// are merged key by key. Every use is reported as a warning so reviewers see it; prefer adding
    /// the field to the model.
    public func override(
        _ path: String, with value: Value, file: StaticString = #fileID, line: UInt = #line
    ) -> Self {
        var copy = self
        copy.overrides.append(Override(path: path, value: value, location: SourceLocation(file, line)))
        return copy
    }
}

/// One use of the escape hatch: a typed value set at a dotted path.
public struct Override: Hashable, Sendable {
    /// The dotted path from the object's root.
    public let path: String
    /// The value to set or merge.
    public let value: Value
    /// Where the override was written.
    public var location: SourceLocation
}
