import KubernetesAPI

/// A ServiceAccount: the identity pods (or a deploy pipeline) act as.
public struct ServiceAccount: GeneratedResource {
    public static let apiVersion = "v1"
    public static let kind = "ServiceAccount"
    public static let applyOrder = ApplyOrder.identity
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<CoreV1.ServiceAccount>] = []
    public let automountToken: Bool?

    /// A service account; `automountToken: false` keeps its token out of pods unless asked for.
    public init(_ name: String, automountToken: Bool? = nil, file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.automountToken = automountToken
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: CoreV1.ServiceAccount { CoreV1.ServiceAccount(automountServiceAccountToken: automountToken) }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
    }
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

extension PolicyRule {
    /// The rule in the generated API; `apiGroups` is written even when empty.
    public var generated: RbacV1.PolicyRule {
        RbacV1.PolicyRule(apiGroups: apiGroups, resources: resources.nonEmpty, resourceNames: resourceNames.nonEmpty, verbs: verbs)
    }
}

/// A namespaced Role.
public struct Role: GeneratedResource {
    public static let apiVersion = "rbac.authorization.k8s.io/v1"
    public static let kind = "Role"
    public static let applyOrder = ApplyOrder.rbac
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<RbacV1.Role>] = []
    public let rules: [PolicyRule]

    /// A role with rules.
    public init(_ name: String, rules: [PolicyRule], file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.rules = rules
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: RbacV1.Role { RbacV1.Role(rules: rules.map(\.generated)) }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
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
public struct RoleBinding: GeneratedResource {
    public static let apiVersion = "rbac.authorization.k8s.io/v1"
    public static let kind = "RoleBinding"
    public static let applyOrder = ApplyOrder.rbac
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<RbacV1.RoleBinding>] = []

    /// What the binding grants.
    public enum RoleReference: Hashable, Sendable {
        case role(String)
        case clusterRole(String)
    }

    public let role: RoleReference
    public let subjects: [Subject]

    /// Binds `role` to `subjects`.
    public init(_ name: String, role: RoleReference, subjects: [Subject], file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.role = role
        self.subjects = subjects
        location = SourceLocation(file, line)
    }

    /// Service-account subjects without a namespace are resolved to the environment's namespace at
    /// render time.
    public var unpatchedObject: RbacV1.RoleBinding {
        let group = "rbac.authorization.k8s.io"
        let subjects = subjects.map { subject in
            switch subject {
            case .user(let name): RbacV1.Subject(kind: "User", apiGroup: group, name: name)
            case .group(let name): RbacV1.Subject(kind: "Group", apiGroup: group, name: name)
            case .serviceAccount(let name, let namespace): RbacV1.Subject(kind: "ServiceAccount", name: name, namespace: namespace ?? metadata.namespace)
            }
        }
        let reference: RbacV1.RoleRef = switch role {
        case .role(let name): RbacV1.RoleRef(apiGroup: group, kind: "Role", name: name)
        case .clusterRole(let name): RbacV1.RoleRef(apiGroup: group, kind: "ClusterRole", name: name)
        }
        return RbacV1.RoleBinding(subjects: subjects, roleRef: reference)
    }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        if subjects.isEmpty {
            context.error("rbac", "a binding without subjects grants nothing", field: "subjects", at: location)
        }
    }
}
