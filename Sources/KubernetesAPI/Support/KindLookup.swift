/// Finds the Swift type of a manifest's `apiVersion` and `kind` among a list of kinds.
public struct KindLookup: Sendable {
    private let types: [String: any KubernetesObject.Type]

    /// A lookup over `kinds` (``GeneratedKinds/all``, plus imported custom resources).
    public init(_ kinds: [any KubernetesObject.Type]) {
        var types: [String: any KubernetesObject.Type] = [:]
        for kind in kinds { types["\(kind.apiVersion) \(kind.kind)"] = kind }
        self.types = types
    }

    /// The type of `kind` in `apiVersion`, if generated.
    public func type(apiVersion: String, kind: String) -> (any KubernetesObject.Type)? {
        types["\(apiVersion) \(kind)"]
    }

    /// Whether any generated version has this kind (to tell a wrong version from an unknown kind).
    public func versions(of kind: String) -> [String] {
        // A loop, not `filter`/`map(\.apiVersion)`: a key path to a static member through an
        // existential metatype crashes the 6.3 compiler.
        var versions: [String] = []
        for type in types.values where type.kind == kind { versions.append(type.apiVersion) }
        return versions.sorted()
    }
}
