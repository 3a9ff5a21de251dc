/// A Kubernetes API server audit policy (`audit.k8s.io/v1` `Policy`), given to kube-apiserver with
/// `--audit-policy-file`. The first rule that matches a request decides its level.
public struct AuditPolicy: Sendable {
    /// How much of a request is recorded.
    public enum Level: String, Sendable {
        case none = "None"
        case metadata = "Metadata"
        case request = "Request"
        case requestResponse = "RequestResponse"
    }

    /// Resources of one API group.
    public struct GroupResources: Sendable {
        public let group: String
        public let resources: [String]

        /// `group` is `""` for the core group.
        public init(group: String, resources: [String]) {
            self.group = group
            self.resources = resources
        }
    }

    /// One rule.
    public struct Rule: Sendable {
        public let level: Level
        public let verbs: [String]
        public let namespaces: [String]
        public let resources: [GroupResources]
        public let userGroups: [String]
        public let nonResourceURLs: [String]

        /// A rule; empty lists match everything.
        public init(
            _ level: Level, verbs: [String] = [], namespaces: [String] = [], resources: [GroupResources] = [],
            userGroups: [String] = [], nonResourceURLs: [String] = []
        ) {
            self.level = level
            self.verbs = verbs
            self.namespaces = namespaces
            self.resources = resources
            self.userGroups = userGroups
            self.nonResourceURLs = nonResourceURLs
        }
    }

    public let omitStages: [String]
    public let rules: [Rule]

    /// A policy.
    public init(omitStages: [String] = ["RequestReceived"], rules: [Rule]) {
        self.omitStages = omitStages
        self.rules = rules
    }
}

extension AuditPolicy: ValueConvertible {
    public var value: Value {
        let rules: [Value] = rules.map { rule in
            var fields = Fields([("level", .string(rule.level.rawValue))])
            fields.add("userGroups", rule.userGroups)
            fields.add("verbs", rule.verbs)
            fields.add("namespaces", rule.namespaces)
            fields.add("resources", .array(rule.resources.map { group in
                var resource = Fields([("group", .string(group.group))])
                resource.add("resources", group.resources)
                return .object(resource)
            }))
            fields.add("nonResourceURLs", rule.nonResourceURLs)
            return .object(fields)
        }
        return [
            "apiVersion": "audit.k8s.io/v1", "kind": "Policy",
            "omitStages": omitStages.value, "rules": .array(rules),
        ]
    }
}
