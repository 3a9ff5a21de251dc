/// One deployable environment: a name, the namespace its objects live in, and its objects.
///
/// ```swift
/// Environment("production", namespace: "hft-trading-production") {
///     Namespace(labels: ["environment": "production"])
///     ResourceQuota("prod-quota", hard: .init(requestsCPU: .cores(64)))
/// }
/// ```
public struct Environment: Sendable {
    /// How strict the checks are with an environment.
    public enum Kind: String, Sendable {
        /// A developer's environment: literal development secrets are allowed.
        case development
        /// Everything else: no literal secrets, no privileged or root containers.
        case restricted
    }

    /// How strict the checks are with this environment.
    public private(set) var kind: Kind = .restricted
    /// What the application expects of the environment, for the semantic checks.
    public private(set) var contract = EnvironmentContract()
    /// The environment's name (`production`), also its output directory.
    public let name: String
    /// The namespace of every namespaced object that does not name one itself.
    public let namespace: String
    /// The objects, in the order written.
    public private(set) var resources: [any Resource]
    /// The other files, in the order written.
    public let artifacts: [Artifact]
    /// Where the environment was written.
    public internal(set) var location: SourceLocation
    /// Labels put on every object (an object's own labels win on a shared key).
    public private(set) var commonLabels: Labels = .none

    /// An environment with its objects.
    public init(
        _ name: String, namespace: String, file: StaticString = #filePath, line: UInt = #line,
        @EnvironmentBuilder _ content: () -> [EnvironmentPart]
    ) {
        self.init(name, namespace: namespace, kind: .restricted, location: SourceLocation(file, line), parts: content())
    }

    /// A development environment, whose builder also accepts ``LiteralSecret``s.
    public static func development(
        _ name: String, namespace: String, file: StaticString = #filePath, line: UInt = #line,
        @DevelopmentEnvironmentBuilder _ content: () -> [EnvironmentPart]
    ) -> Environment {
        Environment(name, namespace: namespace, kind: .development, location: SourceLocation(file, line), parts: content())
    }

    /// An environment from already-built parts (used by `gen lint`, which reads manifests).
    public init(_ name: String, namespace: String, kind: Kind, location: SourceLocation, parts: [EnvironmentPart]) {
        self.name = name
        self.kind = kind
        self.namespace = namespace
        var resources: [any Resource] = []
        resources.reserveCapacity(parts.count)
        var artifacts: [Artifact] = []
        for part in parts {
            switch part {
            case .resource(let resource): resources.append(resource)
            case .artifact(let artifact): artifacts.append(artifact)
            }
        }
        self.resources = resources
        self.artifacts = artifacts
        self.location = location
    }

    /// The same environment with what its application expects of it, for the semantic checks.
    public func contract(_ contract: EnvironmentContract) -> Environment {
        var copy = self
        copy.contract = contract
        return copy
    }

    /// The same environment with each resource replaced by what `transform` makes of it (a typed
    /// patch of one object, say), everything else kept.
    public func replacingResources(_ transform: (any Resource) -> any Resource) -> Environment {
        var copy = self
        copy.resources = resources.map(transform)
        return copy
    }

    /// The same environment with `labels` on every object.
    public func labeled(_ labels: Labels) -> Environment {
        var copy = self
        copy.commonLabels = commonLabels.merging(labels)
        return copy
    }
}
