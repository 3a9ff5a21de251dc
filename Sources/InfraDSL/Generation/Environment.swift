/// One deployable environment: a name, the namespace its objects live in, and its objects.
///
/// ```swift
/// Environment("production", namespace: "hft-trading-production") {
///     Namespace(labels: ["environment": "production"])
///     ResourceQuota("prod-quota", hard: .init(requestsCPU: .cores(64)))
/// }
/// ```
public struct Environment: Sendable {
    /// The environment's name (`production`), also its output directory.
    public let name: String
    /// The namespace of every namespaced object that does not name one itself.
    public let namespace: String
    /// The objects, in the order written.
    public let resources: [any Resource]
    /// The other files, in the order written.
    public let artifacts: [Artifact]
    /// Where the environment was written.
    public let location: SourceLocation
    /// Labels put on every object (an object's own labels win on a shared key).
    public private(set) var commonLabels: Labels = .none

    /// An environment with its objects.
    public init(
        _ name: String, namespace: String, file: StaticString = #fileID, line: UInt = #line,
        @EnvironmentBuilder _ content: () -> [EnvironmentPart]
    ) {
        self.name = name
        self.namespace = namespace
        var resources: [any Resource] = []
        var artifacts: [Artifact] = []
        for part in content() {
            switch part {
            case .resource(let resource): resources.append(resource)
            case .artifact(let artifact): artifacts.append(artifact)
            }
        }
        self.resources = resources
        self.artifacts = artifacts
        location = SourceLocation(file, line)
    }

    /// The same environment with `labels` on every object.
    public func labeled(_ labels: Labels) -> Environment {
        var copy = self
        copy.commonLabels = commonLabels.merging(labels)
        return copy
    }
}
