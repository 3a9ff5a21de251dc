import KubernetesAPI

/// One object `gen import` carries into Swift: the generated object as the manifest wrote it, what
/// it will be written as in its package, and where it was read.
struct ImportedObject {
    /// The object, its metadata reduced to what an environment renders (name, namespace, labels,
    /// annotations).
    var object: any KubernetesObject
    /// Where the manifest wrote it.
    let location: SourceLocation

    var kind: String { type(of: object).kind }
    var name: String { object.metadata?.name ?? "" }
    var namespace: String? { object.metadata?.namespace }
    var isNamespaced: Bool { type(of: object).isNamespaced }

    /// The object without its namespace when that is `namespace`, which its environment gives it.
    func leavingNamespace(to namespace: String) -> ImportedObject {
        guard self.namespace == namespace, var metadata = object.metadata else { return self }
        metadata.namespace = nil
        var copy = self
        copy.object.metadata = metadata
        return copy
    }

    /// The labels its pods carry, for a kind that runs pods.
    var podLabels: StringMap<String>? {
        (object as? any PodTemplateCarrying)?.podTemplate?.metadata?.labels
    }

    /// The ConfigMaps, Secrets, claims and service account its pods name (`Kind/name`).
    var podReferences: Set<String> {
        guard let pod = (object as? any PodTemplateCarrying)?.podTemplate?.spec else { return [] }
        var names = Set<String>()
        if let account = pod.serviceAccountName { names.insert("ServiceAccount/\(account)") }
        for secret in pod.imagePullSecrets ?? [] { if let name = secret.name { names.insert("Secret/\(name)") } }
        for volume in pod.volumes ?? [] {
            if let name = volume.configMap?.name { names.insert("ConfigMap/\(name)") }
            if let name = volume.secret?.secretName { names.insert("Secret/\(name)") }
            if let name = volume.persistentVolumeClaim?.claimName { names.insert("PersistentVolumeClaim/\(name)") }
        }
        for container in pod.containers + (pod.initContainers ?? []) {
            for variable in container.env ?? [] {
                if let name = variable.valueFrom?.configMapKeyRef?.name { names.insert("ConfigMap/\(name)") }
                if let name = variable.valueFrom?.secretKeyRef?.name { names.insert("Secret/\(name)") }
            }
            for source in container.envFrom ?? [] {
                if let name = source.configMapRef?.name { names.insert("ConfigMap/\(name)") }
                if let name = source.secretRef?.name { names.insert("Secret/\(name)") }
            }
        }
        return names
    }

    /// The fields an environment's object cannot set (the API server's metadata, status), left out
    /// of `object`, by name; each is reported, none dropped silently.
    static func reduced(_ object: any KubernetesObject, location: SourceLocation) -> (ImportedObject, leftOut: [String]) {
        var copy = object
        var leftOut: [String] = []
        if let meta = object.metadata {
            var annotations = meta.annotations
            if annotations?["kubectl.kubernetes.io/last-applied-configuration"] != nil {
                annotations?["kubectl.kubernetes.io/last-applied-configuration"] = nil
                leftOut.append("metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]")
                if annotations?.isEmpty == true { annotations = nil }
            }
            let kept = MetaV1.ObjectMeta(name: meta.name, namespace: meta.namespace, labels: meta.labels, annotations: annotations)
            for child in Mirror(reflecting: meta).children {
                guard let label = child.label, !["name", "namespace", "labels", "annotations"].contains(label) else { continue }
                if SwiftSourceWriter.present(child.value) != nil { leftOut.append("metadata.\(label)") }
            }
            copy.metadata = kept
        }
        if let status = Mirror(reflecting: object).children.first(where: { $0.label == "status" }), SwiftSourceWriter.present(status.value) != nil {
            leftOut.append("status")
        }
        return (ImportedObject(object: copy, location: location), leftOut)
    }
}
