import InfraDSL

/// The cluster's shared namespaces that our environments talk to. Network rules name them through
/// these values only, so a misspelt or unknown namespace does not compile.
extension NamespaceReference {
    /// Where the ingress controller runs.
    static let ingressNginx = NamespaceReference("ingress-nginx")
    /// Where Prometheus runs.
    static let monitoring = NamespaceReference("monitoring")
}
