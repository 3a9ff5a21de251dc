/// The `metadata` of an object: its name, namespace, labels and annotations.
public struct ObjectMeta: Hashable, Sendable {
    /// The object's name.
    public var name: String
    /// The namespace; nil means the environment's namespace (for namespaced kinds).
    public var namespace: String?
    /// Labels, rendered sorted.
    public var labels: Labels
    /// Annotations, rendered sorted.
    public var annotations: Labels

    /// Metadata with a name and optional labels and annotations.
    public init(name: String, namespace: String? = nil, labels: Labels = .none, annotations: Labels = .none) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    func value(namespace resolved: String?) -> Value {
        var fields = Fields()
        fields.add("name", name)
        fields.add("namespace", resolved)
        fields.add("labels", labels)
        fields.add("annotations", annotations)
        return .object(fields)
    }
}
