/// What a pod's builder accepts: containers, init containers and volumes.
public enum PodPart: Sendable {
    case container(Container)
    case initContainers([Container])
    case volume(Volume)
}

/// Builds a pod's containers and volumes. An environment variable or a Kubernetes object written
/// here is a compile error.
@resultBuilder
public enum PodBuilder: ListBuilder {
    public typealias Part = PodPart
    public static func buildExpression(_ container: Container) -> [Part] { [.container(container)] }
    public static func buildExpression(_ volume: Volume) -> [Part] { [.volume(volume)] }
    public static func buildExpression(_ group: InitContainers) -> [Part] { [.initContainers(group.containers)] }
}

/// Containers that run to completion, in order, before the pod's main containers start.
public struct InitContainers: Sendable {
    /// The init containers in run order.
    public let containers: [Container]

    /// `InitContainers { Container(...) }`.
    public init(@InitContainerBuilder _ content: () -> [Container]) {
        containers = content()
    }
}

/// Builds the list of init containers.
@resultBuilder
public enum InitContainerBuilder: ListBuilder {
    public typealias Part = Container
}
