import KubernetesAPI

/// What an environment's builder accepts: Kubernetes objects and other output files.
public enum EnvironmentPart: Sendable {
    case resource(any Resource)
    case artifact(Artifact)
}

/// Builds the contents of an environment. Only Kubernetes objects (``Resource``s) and ``Artifact``s
/// are accepted; a container or an environment variable written here is a compile error.
@resultBuilder
public enum EnvironmentBuilder: ListBuilder {
    public typealias Part = EnvironmentPart
    public static func buildExpression(_ resource: some Resource) -> [Part] { [.resource(resource)] }
    public static func buildExpression(_ resource: (some Resource)?) -> [Part] { resource.map { [.resource($0)] } ?? [] }
    public static func buildExpression(_ resources: [some Resource]) -> [Part] { resources.map { .resource($0) } }
    public static func buildExpression(_ resources: [any Resource]) -> [Part] { resources.map { .resource($0) } }
    public static func buildExpression(_ artifact: Artifact) -> [Part] { [.artifact(artifact)] }
    /// An object of the generated API or an imported custom resource, placed as it is. A kind that
    /// holds secret data (`CoreV1.Secret`) is not a ``SecretFreeObject``: like a ``LiteralSecret``,
    /// only a development environment takes it.
    public static func buildExpression(
        _ object: some SecretFreeObject, file: StaticString = #filePath, line: UInt = #line
    ) -> [Part] {
        [.resource(APIObject(object, file: file, line: line))]
    }
    public static func buildExpression(_ artifacts: [Artifact]) -> [Part] { artifacts.map { .artifact($0) } }
}
