import InfraDSL

/// Who may do what in an environment (the seed's section 9, "Access control"): QA reads, DevOps
/// changes, unless the environment declares otherwise.
enum Access {
    static func objects(_ stage: Stage) -> [any Resource] {
        if stage.diverges(.openToDevelopers) {
            return [RoleBinding("developers-edit", role: .clusterRole("edit"), subjects: [.group("hft-developers")])]
        }
        if stage.diverges(.deployIdentityOnly) {
            // DevOps may only read; changes go through one narrowly scoped deploy identity.
            return [
                RoleBinding("devops-view", role: .clusterRole("view"), subjects: [.group("hft-devops")]),
                ServiceAccount("deployer", automountToken: false),
                Role("deployer", rules: [
                    PolicyRule(apiGroups: ["apps"], resources: ["statefulsets"], verbs: ["get", "list", "watch", "patch", "update"], resourceNames: [Common.engineName]),
                    // Every application's rollout, from the applications themselves.
                    PolicyRule(apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "patch", "update"], resourceNames: ApplicationObjects.applications.map(\.name)),
                    PolicyRule(apiGroups: [""], resources: ["configmaps"], verbs: ["get", "patch", "update"], resourceNames: [Common.configMapName]),
                    PolicyRule(apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"]),
                ]),
                RoleBinding("deployer", role: .role("deployer"), subjects: [.serviceAccount("deployer")]),
            ]
        }
        // The shape: QA may read and follow logs, DevOps may change.
        return [
            RoleBinding("qa-view", role: .clusterRole("view"), subjects: [.group("hft-qa")]),
            Role("pod-logs-reader", rules: [PolicyRule(apiGroups: [""], resources: ["pods/log"], verbs: ["get", "list"])]),
            RoleBinding("qa-pod-logs", role: .role("pod-logs-reader"), subjects: [.group("hft-qa")]),
            RoleBinding("devops-edit", role: .clusterRole("edit"), subjects: [.group("hft-devops")]),
        ]
    }

    /// The production API server's audit policy: secrets never logged beyond metadata, every change
    /// in the trading namespace logged with its request, RBAC changes with request and response.
    static func auditPolicy(namespace: String) -> AuditPolicy {
        AuditPolicy(rules: [
            .init(.none, nonResourceURLs: ["/healthz*", "/livez*", "/readyz*", "/version"]),
            .init(.none, verbs: ["get", "list", "watch"], resources: [.init(group: "", resources: ["events"])]),
            .init(.metadata, resources: [.init(group: "", resources: ["secrets", "configmaps"])]),
            .init(.requestResponse, resources: [.init(group: "rbac.authorization.k8s.io", resources: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"])]),
            .init(.request, verbs: ["create", "update", "patch", "delete", "deletecollection"], namespaces: [namespace]),
            .init(.metadata, namespaces: [namespace]),
            .init(.metadata),
        ])
    }
}
