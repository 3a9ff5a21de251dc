import KubernetesAPI

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

    /// Writes the metadata as document events: the name, the namespace when there is one, then
    /// labels and annotations when they hold any, each sorted by key.
    func write(to sink: any DocumentSink) {
        sink.beginObject()
        sink.plainKey("name")
        sink.string(name)
        if let namespace {
            sink.plainKey("namespace")
            sink.string(namespace)
        }
        write(labels, as: "labels", to: sink)
        write(annotations, as: "annotations", to: sink)
        sink.endObject()
    }

    private func write(_ pairs: Labels, as key: String, to sink: any DocumentSink) {
        guard !pairs.isEmpty else { return }
        sink.plainKey(key)
        sink.beginObject()
        for pair in pairs.pairs {
            sink.key(pair.key)
            sink.string(pair.value)
        }
        sink.endObject()
    }
}
