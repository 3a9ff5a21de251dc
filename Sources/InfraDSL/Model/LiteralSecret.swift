import KubernetesAPI

/// A Secret whose values are written in the environment's source. Only a development environment's
/// builder accepts it (``Environment/development(_:namespace:file:line:_:)``): in any other
/// environment, writing one is a compile error. Real credentials live in a secret store and are
/// referenced by name (``EnvironmentContract/externalObjects``).
public struct LiteralSecret: Sendable {
    /// The Secret object it renders as. Internal: only the development builder may place it, so a
    /// plaintext secret cannot reach another environment through it.
    private(set) var secret: Secret

    /// A Secret with plain-text development values.
    public init(_ name: String, stringData: Labels, file: StaticString = #filePath, line: UInt = #line) {
        secret = Secret(name, stringData: stringData, file: file, line: line)
    }

    /// The same secret with more annotations.
    public func annotations(_ annotations: Labels) -> LiteralSecret {
        var copy = self
        copy.secret = copy.secret.annotations(annotations)
        return copy
    }

    /// The value of `key`.
    public subscript(key: String) -> String? { secret.stringData[key] }
}

/// Builds a development environment: everything ``EnvironmentBuilder`` takes, plus
/// ``LiteralSecret``s.
@resultBuilder
public enum DevelopmentEnvironmentBuilder: ListBuilder {
    public typealias Part = EnvironmentPart
    public static func buildExpression(_ resource: some Resource) -> [Part] { EnvironmentBuilder.buildExpression(resource) }
    public static func buildExpression(_ resource: (some Resource)?) -> [Part] { EnvironmentBuilder.buildExpression(resource) }
    public static func buildExpression(_ resources: [some Resource]) -> [Part] { EnvironmentBuilder.buildExpression(resources) }
    public static func buildExpression(_ resources: [any Resource]) -> [Part] { EnvironmentBuilder.buildExpression(resources) }
    public static func buildExpression(_ artifact: Artifact) -> [Part] { [.artifact(artifact)] }
    public static func buildExpression(_ artifacts: [Artifact]) -> [Part] { artifacts.map { .artifact($0) } }
    public static func buildExpression(_ secret: LiteralSecret) -> [Part] { [.resource(secret.secret)] }
    public static func buildExpression(
        _ object: some KubernetesObject, file: StaticString = #filePath, line: UInt = #line
    ) -> [Part] {
        [.resource(APIObject(anyKind: object, file: file, line: line))]
    }
}
