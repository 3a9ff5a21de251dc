/// What a container's builder accepts: environment variables, ports and volume mounts.
public enum ContainerPart: Sendable {
    case env(EnvVar)
    case port(ContainerPort)
    case mount(VolumeMount)
}

/// Builds a container's environment, ports and mounts. Anything else (another container, a volume,
/// a resource) is a compile error here.
@resultBuilder
public enum ContainerBuilder: ListBuilder {
    public typealias Part = ContainerPart
    public static func buildExpression(_ env: EnvVar) -> [Part] { [.env(env)] }
    public static func buildExpression(_ port: ContainerPort) -> [Part] { [.port(port)] }
    public static func buildExpression(_ mount: VolumeMount) -> [Part] { [.mount(mount)] }
    public static func buildExpression(_ envs: [EnvVar]) -> [Part] { envs.map(Part.env) }
}
