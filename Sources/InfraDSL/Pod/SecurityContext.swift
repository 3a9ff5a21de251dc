import KubernetesAPI

/// The seccomp profile of a pod or container.
public enum SeccompProfile: String, Hashable, Sendable {
    case runtimeDefault = "RuntimeDefault"
    case unconfined = "Unconfined"
}

extension SeccompProfile {
    /// The profile in the generated API.
    public var generated: CoreV1.SeccompProfile { CoreV1.SeccompProfile(type: CoreV1.SeccompProfileType(rawValue: rawValue)) }
}

/// A Linux capability name without the `CAP_` prefix, such as `NET_BIND_SERVICE` or `ALL`.
public struct Capability: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The capability's name.
    public let name: String
    /// A capability by name.
    public init(stringLiteral value: String) { name = value }
    /// Every capability (for `drop`).
    public static let all: Capability = "ALL"
    /// Raising a thread's priority or giving it a real-time scheduling policy.
    public static let sysNice: Capability = "SYS_NICE"
}

/// A container's security settings.
public struct SecurityContext: Hashable, Sendable {
    public var privileged: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var runAsNonRoot: Bool?
    public var runAsUser: Int?
    public var runAsGroup: Int?
    public var readOnlyRootFilesystem: Bool?
    public var addCapabilities: [Capability]
    public var dropCapabilities: [Capability]
    public var seccompProfile: SeccompProfile?
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// Security settings; nil leaves the field to the cluster's default.
    public init(
        privileged: Bool? = nil, allowPrivilegeEscalation: Bool? = nil, runAsNonRoot: Bool? = nil,
        runAsUser: Int? = nil, runAsGroup: Int? = nil, readOnlyRootFilesystem: Bool? = nil,
        addCapabilities: [Capability] = [], dropCapabilities: [Capability] = [],
        seccompProfile: SeccompProfile? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        self.privileged = privileged
        self.allowPrivilegeEscalation = allowPrivilegeEscalation
        self.runAsNonRoot = runAsNonRoot
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.addCapabilities = addCapabilities
        self.dropCapabilities = dropCapabilities
        self.seccompProfile = seccompProfile
        location = SourceLocation(file, line)
    }

    /// Kubernetes' "restricted" Pod Security Standard for a container: no escalation, non-root,
    /// every capability dropped, RuntimeDefault seccomp, read-only root filesystem.
    public static func restricted(
        runAsUser: Int, addCapabilities: [Capability] = [], file: StaticString = #filePath, line: UInt = #line
    ) -> SecurityContext {
        SecurityContext(
            allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: runAsUser, runAsGroup: runAsUser,
            readOnlyRootFilesystem: true, addCapabilities: addCapabilities, dropCapabilities: [.all],
            seccompProfile: .runtimeDefault, file: file, line: line)
    }
}

extension SecurityContext {
    /// The context in the generated API.
    public var generated: CoreV1.SecurityContext {
        var context = CoreV1.SecurityContext()
        if !addCapabilities.isEmpty || !dropCapabilities.isEmpty {
            context.capabilities = CoreV1.Capabilities(add: addCapabilities.map(\.name).nonEmpty, drop: dropCapabilities.map(\.name).nonEmpty)
        }
        context.privileged = privileged
        context.runAsUser = runAsUser
        context.runAsGroup = runAsGroup
        context.runAsNonRoot = runAsNonRoot
        context.readOnlyRootFilesystem = readOnlyRootFilesystem
        context.allowPrivilegeEscalation = allowPrivilegeEscalation
        context.seccompProfile = seccompProfile?.generated
        return context
    }
}

/// A kernel parameter set for a pod's network namespace: `Sysctl("net.core.somaxconn", "4096")`.
public struct Sysctl: Hashable, Sendable {
    public let name: String
    public let value: String
    /// A sysctl by name and value.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A pod's security settings, including namespaced sysctls.
public struct PodSecurityContext: Hashable, Sendable {
    public var runAsNonRoot: Bool?
    public var runAsUser: Int?
    public var runAsGroup: Int?
    public var fsGroup: Int?
    public var sysctls: [Sysctl]
    public var seccompProfile: SeccompProfile?
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// Pod security settings.
    public init(
        runAsNonRoot: Bool? = nil, runAsUser: Int? = nil, runAsGroup: Int? = nil, fsGroup: Int? = nil,
        sysctls: [Sysctl] = [], seccompProfile: SeccompProfile? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.runAsNonRoot = runAsNonRoot
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
        self.fsGroup = fsGroup
        self.sysctls = sysctls
        self.seccompProfile = seccompProfile
        location = SourceLocation(file, line)
    }
}

extension PodSecurityContext {
    /// The context in the generated API.
    public var generated: CoreV1.PodSecurityContext {
        var context = CoreV1.PodSecurityContext()
        context.runAsUser = runAsUser
        context.runAsGroup = runAsGroup
        context.runAsNonRoot = runAsNonRoot
        context.fsGroup = fsGroup
        context.sysctls = sysctls.map { CoreV1.Sysctl(name: $0.name, value: $0.value) }.nonEmpty
        context.seccompProfile = seccompProfile?.generated
        return context
    }
}
