import KubernetesAPI

/// An ExternalSecret makes the Secret it targets (named after itself unless `target.name` says
/// otherwise) from the store it names.
extension ExternalSecretsV1beta1.ExternalSecret: ObjectRelations {
    public var producedObjects: [ObjectName] {
        let name = spec?.target?.name ?? metadata?.name ?? ""
        return [ObjectName(kind: "Secret", name: name)]
    }

    public var referencedObjects: [ObjectReference] {
        guard let store = spec?.secretStoreRef else { return [] }
        let kind = store.kind?.rawValue ?? "SecretStore"
        return [ObjectReference(kind: kind, name: store.name, field: "spec/secretStoreRef")]
    }
}

/// A SecretStore that authenticates to AWS as a service account names it.
extension ExternalSecretsV1beta1.SecretStore: ObjectRelations {
    public var referencedObjects: [ObjectReference] {
        guard let account = spec?.provider.aws?.auth?.jwt?.serviceAccountRef, account.namespace == nil else { return [] }
        return [ObjectReference(kind: "ServiceAccount", name: account.name, field: "spec/provider/aws/auth/jwt/serviceAccountRef")]
    }
}
