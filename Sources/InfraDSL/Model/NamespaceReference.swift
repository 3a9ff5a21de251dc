/// A namespace a network rule may name. Values are declared once, as static members
/// (`extension NamespaceReference { static let monitoring = NamespaceReference("monitoring") }`), so
/// a rule naming a namespace nobody declared does not compile, and a misspelling is a compile error.
public struct NamespaceReference: Hashable, Sendable {
    /// The namespace's name.
    public let name: String
    /// The labels the namespace carries; Kubernetes always sets `kubernetes.io/metadata.name`.
    public let labels: Labels

    /// A namespace and any labels it carries besides the one Kubernetes sets.
    public init(_ name: String, labels: Labels = .none) {
        self.name = name
        self.labels = Labels([("kubernetes.io/metadata.name", name)]).merging(labels)
    }

    /// The cluster's own system namespace (DNS lives there).
    public static let kubeSystem = NamespaceReference("kube-system")
}
