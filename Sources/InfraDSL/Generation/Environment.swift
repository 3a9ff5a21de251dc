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
    /// Where the environment was written.
    public let location: SourceLocation

    /// An environment with its objects.
    public init(
        _ name: String, namespace: String, file: StaticString = #fileID, line: UInt = #line,
        @ResourceBuilder _ content: () -> [any Resource]
    ) {
        self.name = name
        self.namespace = namespace
        resources = content()
        location = SourceLocation(file, line)
    }
}
