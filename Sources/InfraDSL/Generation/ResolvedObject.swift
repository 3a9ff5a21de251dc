/// An object of an environment after namespace resolution: the typed resource plus its document.
public struct ResolvedObject: Sendable {
    /// The typed resource, with its namespace resolved.
    public let resource: any Resource
    /// The full document (`apiVersion`, `kind`, `metadata`, then the body), overrides applied.
    public let document: Value

    /// `kind-name`, lower-case kind: the file name without extension.
    public var fileStem: String { "\(type(of: resource).kind.lowercased())-\(resource.metadata.name)" }

    /// Identity for duplicate detection: kind, namespace and name.
    public var key: String {
        "\(type(of: resource).kind)/\(resource.metadata.namespace ?? "")/\(resource.metadata.name)"
    }
}
