/// A ServiceAccount: the identity pods (or a deploy pipeline) act as.
public struct ServiceAccount: Resource {
    public static let apiVersion = "v1"
    public static let kind = "ServiceAccount"
    public static let applyOrder = ApplyOrder.identity
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var overrides: [Override] = []
    public let automountToken: Bool?

    /// A service account; `automountToken: false` keeps its token out of pods unless asked for.
    public init(_ name: String, automountToken: Bool? = nil, file: StaticString = #fileID, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.automountToken = automountToken
        location = SourceLocation(file, line)
    }

    public func bodyFields() -> Fields {
        var fields = Fields()
        fields.add("automountServiceAccountToken", automountToken)
        return fields
    }

    public func validate(_ context: inout ValidationContext) {}
}

/// One rule of a Role: verbs allowed on resources of API groups.
public struct PolicyRule: Hashable, Sendable {
    public let apiGroups: [String]
    public let resources: [String]
    public let verbs: [String]
    public let resourceNames: [String]

    /// A rule; `""` in `apiGroups` is the core group.
    public init(apiGroups: [String], resources: [String], verbs: [String], resourceNames: [String] = []) {
        self.apiGroups = apiGroups
        self.resources = resources
        self.verbs = verbs
        self.resourceNames = resourceNames
    }
}

extension PolicyRule: ValueConvertible {
    public var value: Value {
        var fields = Fields()
        fields.add("apiGroups", apiGroups, keepEmpty: true)
        fields.add("resources", resources)
        fields.add("resourceNames", resourceNames)
        fields.add("verbs", verbs)
        return .object(fields)
    }
}

/// A namespaced Role.
public struct Role: Resource {
    public static let apiVersion = "rbac.authorization.k8s.io/v1"
    public static let kind = "Role"
    public static let applyOrder = ApplyOrder.rbac
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var overrides: [Override] = []
    public let rules: [PolicyRule]

    /// A role with rules.
    public init(_ name: String, rules: [PolicyRule], file: StaticString = #fileID, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.rules = rules
        location = SourceLocation(file, line)
    }

    public func bodyFields() -> Fields { Fields([("rules", rules.value)]) }

    public func validate(_ context: inout ValidationContext) {
        for rule in rules where rule.verbs.isEmpty {
            context.error("rbac", "a rule without verbs grants nothing", field: "rules", at: location)
        }
    }
}

/// Who a RoleBinding grants to.
public enum Subject: Hashable, Sendable {
    case user(String)
    case group(String)
    case serviceAccount(String, namespace: String? = nil)
}

/// A RoleBinding of a Role (or ClusterRole) to subjects.
public struct RoleBinding: Resource {
    public static let apiVersion = "rbac.authorization.k8s.io/v1"
    public static let kind = "RoleBinding"
    public static let applyOrder = ApplyOrder.rbac
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var overrides: [Override] = []

    /// What the binding grants.
    public enum RoleReference: Hashable, Sendable {
        case role(String)
        case clusterRole(String)
    }

    public let role: RoleReference
    public let subjects: [Subject]

    /// Binds `role` to `subjects`.
    public init(_ name: String, role: RoleReference, subjects: [Subject], file: StaticString = #fileID, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.role = role
        self.subjects = subjects
        location = SourceLocation(file, line)
    }

    /// Service-account subjects without a namespace are resolved to the environment's namespace at
    /// render time.
    public func bodyFields() -> Fields {
        let subjectValues: [Value] = subjects.map { subject in
            switch subject {
            case .user(let name):
                return ["kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": .string(name)]
            case .group(let name):
                return ["kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": .string(name)]
            case .serviceAccount(let name, let namespace):
                var fields = Fields([("kind", "ServiceAccount"), ("name", .string(name))])
                fields.add("namespace", namespace ?? metadata.namespace)
                return .object(fields)
            }
        }
        let (kind, name): (String, String) = switch role {
        case .role(let name): ("Role", name)
        case .clusterRole(let name): ("ClusterRole", name)
        }
        return Fields([
            ("subjects", .array(subjectValues)),
            ("roleRef", ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(kind), "name": .string(name)]),
        ])
    }

    public func validate(_ context: inout ValidationContext) {
        if subjects.isEmpty {
            context.error("rbac", "a binding without subjects grants nothing", field: "subjects", at: location)
        }
    }
}
