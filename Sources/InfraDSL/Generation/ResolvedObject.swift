/// An object of an environment after namespace resolution: the typed resource plus its document.
///
/// Its identity (kind, namespace, name, apply order) is read once, when the object is
/// resolved, rather than through the resource's existential every time the join, the sort or the
/// layout asks for it. A class: the join, the sort, the layout and the checks pass objects around,
/// and a copy is then one reference, not one per field.
public final class ResolvedObject: Sendable {
    /// The typed resource, with its namespace resolved.
    public let resource: any Resource
    /// The full document (`apiVersion`, `kind`, `metadata`, then the body), overrides applied.
    /// Built from the resource on each read: rendering serializes each document as soon as it is
    /// built and keeps none, and the readers after it (derived outputs, reviews) read each
    /// object's document once.
    public var document: Value { EnvironmentResolver.document(for: resource) }
    /// The resource's kind.
    public let kind: String
    /// The resource's name.
    public let name: String
    /// Where the kind goes in the apply order.
    let applyOrder: ApplyOrder
    /// The resource's namespace.
    let namespace: String?
    /// Kind, namespace and name: what the resolver finds duplicates by.
    var identity: Identity { Identity(kind: kind, namespace: namespace, name: name) }

    /// `kind-name`, lower-case kind: the file name without extension.
    public var fileStem: String { "\(kind.lowercased())-\(name)" }
    /// Identity for duplicate detection: kind, namespace and name.
    public var key: String { "\(kind)/\(namespace ?? "")/\(name)" }

    /// Kind, namespace and name, compared and hashed as they are (no string is built per object).
    struct Identity: Hashable, Sendable {
        let kind: String
        let namespace: String?
        let name: String
    }

    init(resource: any Resource) {
        self.resource = resource
        let type = type(of: resource)
        let metadata = resource.metadata
        kind = type.kind
        name = metadata.name
        applyOrder = type.applyOrder
        namespace = metadata.namespace
    }
}
