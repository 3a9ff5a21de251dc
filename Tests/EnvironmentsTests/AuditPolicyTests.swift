import Environments
import Foundation
import InfraDSL
import Testing
import Yams

/// Production's audit policy, read back as YAML and evaluated the way the API server evaluates one
/// (rules in order, the first whose every condition matches decides the level): what each kind of
/// request is logged at, and that no request ever logs a Secret's or ConfigMap's content.
@Suite struct AuditPolicyTests {
    struct Request {
        var verb: String
        var group = ""
        var resource: String?
        var namespace = ""
        var url: String?
    }

    nonisolated(unsafe) static let rules: [[String: Any]] = {
        let rendered = (try? Generator.renderAll(Catalog.environments.filter { $0.name == "production" })) ?? []
        let text = rendered.first?.files.first { $0.path == "production/audit/audit-policy.yaml" }?.contents ?? ""
        let policy = (try? Yams.load(yaml: text)) as? [String: Any]
        return policy?["rules"] as? [[String: Any]] ?? []
    }()

    /// The level of the first rule that matches, as the API server's policy checker decides it.
    static func level(of request: Request) -> String {
        for rule in rules where matches(rule, request) { return rule["level"] as? String ?? "?" }
        return "None"
    }

    private static func matches(_ rule: [String: Any], _ request: Request) -> Bool {
        if let verbs = rule["verbs"] as? [String], !verbs.contains(request.verb) { return false }
        let urls = rule["nonResourceURLs"] as? [String] ?? []
        let resources = rule["resources"] as? [[String: Any]] ?? []
        let namespaces = rule["namespaces"] as? [String] ?? []
        if let url = request.url {
            // A non-resource request matches only rules without resources or namespaces.
            guard resources.isEmpty, namespaces.isEmpty else { return false }
            return urls.isEmpty || urls.contains { $0.hasSuffix("*") ? url.hasPrefix(String($0.dropLast())) : url == $0 }
        }
        guard urls.isEmpty else { return false }
        if !namespaces.isEmpty, !namespaces.contains(request.namespace) { return false }
        if !resources.isEmpty {
            return resources.contains { entry in
                (entry["group"] as? String ?? "") == request.group
                    && ((entry["resources"] as? [String])?.contains(request.resource ?? "") ?? true)
            }
        }
        return true
    }

    @Test func eachKindOfRequestIsLoggedAtItsLevel() {
        #expect(!Self.rules.isEmpty)
        let production = "hft-trading-production"
        let cases: [(Request, String)] = [
            (Request(verb: "get", url: "/healthz/etcd"), "None"),
            (Request(verb: "get", url: "/readyz"), "None"),
            (Request(verb: "get", url: "/metrics"), "Metadata"),
            (Request(verb: "watch", resource: "events", namespace: production), "None"),
            (Request(verb: "create", resource: "events", namespace: production), "Request"),
            (Request(verb: "create", group: "rbac.authorization.k8s.io", resource: "rolebindings", namespace: production), "RequestResponse"),
            (Request(verb: "delete", group: "rbac.authorization.k8s.io", resource: "clusterroles"), "RequestResponse"),
            (Request(verb: "patch", group: "apps", resource: "statefulsets", namespace: production), "Request"),
            (Request(verb: "get", group: "apps", resource: "statefulsets", namespace: production), "Metadata"),
            (Request(verb: "delete", resource: "pods", namespace: "kube-system"), "Metadata"),
        ]
        for (request, expected) in cases {
            #expect(Self.level(of: request) == expected, "\(request)")
        }
    }

    /// Secrets and ConfigMaps (credentials land in both) are logged at Metadata at most, for every
    /// verb in every namespace, so no audit log holds their values.
    @Test func noRequestLogsASecretsOrConfigMapsContent() {
        for resource in ["secrets", "configmaps"] {
            for verb in ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"] {
                for namespace in ["hft-trading-production", "kube-system", ""] {
                    let level = Self.level(of: Request(verb: verb, resource: resource, namespace: namespace))
                    #expect(level == "Metadata" || level == "None", "\(verb) \(resource) in '\(namespace)' is logged at \(level)")
                }
            }
        }
    }
}
