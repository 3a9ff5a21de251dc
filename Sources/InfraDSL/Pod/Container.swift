import KubernetesAPI

/// A container of a pod: `Container("trading-engine", image: "...") { EnvVar(...); ContainerPort(...) }`
/// with modifiers for command, resources, probes, lifecycle and security.
public struct Container: Hashable, Sendable {
    /// The container's fields, behind one reference (as ``PodTemplate``'s are): templates, checks
    /// and validation iterate containers by value, and a copy is then one retain, not one per
    /// field. A modifier changes the box in place only when nothing else holds it.
    private struct Contents: Hashable, Sendable {
        let name: String
        let image: String
        var command: [String] = []
        var args: [String] = []
        var workingDir: String?
        var ports: [ContainerPort] = []
        var env: [EnvVar] = []
        var resources: ResourceRequirements?
        var volumeMounts: [VolumeMount] = []
        var livenessProbe: Probe?
        var readinessProbe: Probe?
        var startupProbe: Probe?
        var preStop: Handler?
        var imagePullPolicy: String?
        var securityContext: SecurityContext?
        var location: SourceLocation
    }

    private var storage: SharedValue<Contents>

    /// The container's name (a DNS-1123 label).
    public var name: String { storage.contents.name }
    /// The image reference.
    public var image: String { storage.contents.image }
    public var command: [String] { storage.contents.command }
    public var args: [String] { storage.contents.args }
    public var workingDir: String? { storage.contents.workingDir }
    /// Declared ports, by name.
    public var ports: [ContainerPort] { storage.contents.ports }
    public var env: [EnvVar] { storage.contents.env }
    public var resources: ResourceRequirements? { storage.contents.resources }
    public var volumeMounts: [VolumeMount] { storage.contents.volumeMounts }
    public var livenessProbe: Probe? { storage.contents.livenessProbe }
    public var readinessProbe: Probe? { storage.contents.readinessProbe }
    public var startupProbe: Probe? { storage.contents.startupProbe }
    public var preStop: Handler? { storage.contents.preStop }
    public var imagePullPolicy: String? { storage.contents.imagePullPolicy }
    public var securityContext: SecurityContext? { storage.contents.securityContext }
    /// Where it was written.
    public internal(set) var location: SourceLocation {
        get { storage.contents.location }
        set { storage.set(\.location, newValue) }
    }

    /// A container with its environment, ports and mounts.
    public init(
        _ name: String, image: String, file: StaticString = #filePath, line: UInt = #line,
        @ContainerBuilder _ content: () -> [ContainerPart] = { [] }
    ) {
        var contents = Contents(name: name, image: image, location: SourceLocation(file, line))
        for part in content() {
            switch part {
            case .env(let variable): contents.env.append(variable)
            case .port(let port): contents.ports.append(port)
            case .mount(let mount): contents.volumeMounts.append(mount)
            }
        }
        storage = SharedValue(contents)
    }

    /// This value with one field changed; consuming, so a new value in a chain of modifiers is
    /// changed in place instead of copied for each modifier.
    private consuming func with<T>(_ keyPath: WritableKeyPath<Contents, T>, _ value: T) -> Container {
        storage.set(keyPath, value)
        return self
    }

    /// The entry point, replacing the image's.
    public consuming func command(_ command: [String]) -> Container { with(\.command, command) }
    /// Arguments to the entry point.
    public consuming func args(_ args: [String]) -> Container { with(\.args, args) }
    /// The working directory.
    public consuming func workingDir(_ path: String) -> Container { with(\.workingDir, path) }
    /// Requests and limits.
    public consuming func resources(_ resources: ResourceRequirements) -> Container { with(\.resources, resources) }
    /// Restarts the container when this probe fails.
    public consuming func livenessProbe(_ probe: Probe) -> Container { with(\.livenessProbe, probe) }
    /// Takes the pod out of Service endpoints while this probe fails.
    public consuming func readinessProbe(_ probe: Probe) -> Container { with(\.readinessProbe, probe) }
    /// Holds the other probes until this one succeeds.
    public consuming func startupProbe(_ probe: Probe) -> Container { with(\.startupProbe, probe) }
    /// Runs before the container is sent SIGTERM.
    public consuming func preStop(_ handler: Handler) -> Container { with(\.preStop, handler) }
    /// `Always`, `IfNotPresent` or `Never`.
    public consuming func imagePullPolicy(_ policy: String) -> Container { with(\.imagePullPolicy, policy) }
    /// Security settings.
    public consuming func securityContext(_ context: SecurityContext) -> Container { with(\.securityContext, context) }

    /// The port declared under `name`, if any.
    public func port(named name: String) -> ContainerPort? { ports.first { $0.name == name } }
}

extension Container {
    /// The container in the generated API, as rendered.
    public var generated: CoreV1.Container {
        var container = CoreV1.Container(name: name, image: image)
        container.command = command.nonEmpty
        container.args = args.nonEmpty
        container.workingDir = workingDir
        container.ports = ports.map(\.generated).nonEmpty
        container.env = env.map(\.generated).nonEmpty
        container.resources = resources?.generated
        container.volumeMounts = volumeMounts.map(\.generated).nonEmpty
        container.livenessProbe = livenessProbe?.generated
        container.readinessProbe = readinessProbe?.generated
        container.startupProbe = startupProbe?.generated
        container.lifecycle = preStop.map { CoreV1.Lifecycle(preStop: $0.lifecycleHandler) }
        container.imagePullPolicy = imagePullPolicy.map(CoreV1.PullPolicy.init(rawValue:))
        container.securityContext = securityContext?.generated
        return container
    }
}
