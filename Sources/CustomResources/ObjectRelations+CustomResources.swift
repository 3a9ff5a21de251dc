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

/// An AlertmanagerConfig names the Secrets its receivers read (a Slack webhook URL, a webhook's URL,
/// a PagerDuty key): they must be in its namespace.
extension MonitoringV1alpha1.AlertmanagerConfig: ObjectRelations {
    public var referencedObjects: [ObjectReference] {
        var references: [ObjectReference] = []
        for (index, receiver) in (spec.receivers ?? []).enumerated() {
            let field = "spec/receivers/\(index)"
            for slack in receiver.slackConfigs ?? [] {
                if let name = slack.apiURL?.name { references.append(ObjectReference(kind: "Secret", name: name, field: "\(field)/slackConfigs/apiURL")) }
            }
            for webhook in receiver.webhookConfigs ?? [] {
                if let name = webhook.urlSecret?.name { references.append(ObjectReference(kind: "Secret", name: name, field: "\(field)/webhookConfigs/urlSecret")) }
            }
            for pager in receiver.pagerdutyConfigs ?? [] {
                for name in [pager.routingKey?.name, pager.serviceKey?.name].compactMap({ $0 }) {
                    references.append(ObjectReference(kind: "Secret", name: name, field: "\(field)/pagerdutyConfigs"))
                }
            }
        }
        return references
    }
}
