/// A container of a pod: `Container("trading-engine", image: "...") { EnvVar(...); ContainerPort(...) }`
/// with modifiers for command, resources, probes, lifecycle and security.
public struct Container: Hashable, Sendable {
    /// The container's name (a DNS-1123 label).
    public let name: String
    /// The image reference.
    public let image: String
    public private(set) var command: [String] = []
    public private(set) var args: [String] = []
    public private(set) var workingDir: String?
    /// Declared ports, by name.
    public private(set) var ports: [ContainerPort] = []
    public private(set) var env: [EnvVar] = []
    public private(set) var resources: ResourceRequirements?
    public private(set) var volumeMounts: [VolumeMount] = []
    public private(set) var livenessProbe: Probe?
    public private(set) var readinessProbe: Probe?
    public private(set) var startupProbe: Probe?
    public private(set) var preStop: Handler?
    public private(set) var imagePullPolicy: String?
    public private(set) var securityContext: SecurityContext?
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A container with its environment, ports and mounts.
    public init(
        _ name: String, image: String, file: StaticString = #fileID, line: UInt = #line,
        @ContainerBuilder _ content: () -> [ContainerPart] = { [] }
    ) {
        self.name = name
        self.image = image
        location = SourceLocation(file, line)
        for part in content() {
            switch part {
            case .env(let variable): env.append(variable)
            case .port(let port): ports.append(port)
            case .mount(let mount): volumeMounts.append(mount)
            }
        }
    }

    private func with<T>(_ keyPath: WritableKeyPath<Container, T>, _ value: T) -> Container {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }

    /// The entry point, replacing the image's.
    public func command(_ command: [String]) -> Container { with(\.command, command) }
    /// Arguments to the entry point.
    public func args(_ args: [String]) -> Container { with(\.args, args) }
    /// The working directory.
    public func workingDir(_ path: String) -> Container { with(\.workingDir, path) }
    /// Requests and limits.
    public func resources(_ resources: ResourceRequirements) -> Container { with(\.resources, resources) }
    /// Restarts the container when this probe fails.
    public func livenessProbe(_ probe: Probe) -> Container { with(\.livenessProbe, probe) }
    /// Takes the pod out of Service endpoints while this probe fails.
    public func readinessProbe(_ probe: Probe) -> Container { with(\.readinessProbe, probe) }
    /// Holds the other probes until this one succeeds.
    public func startupProbe(_ probe: Probe) -> Container { with(\.startupProbe, probe) }
    /// Runs before the container is sent SIGTERM.
    public func preStop(_ handler: Handler) -> Container { with(\.preStop, handler) }
    /// `Always`, `IfNotPresent` or `Never`.
    public func imagePullPolicy(_ policy: String) -> Container { with(\.imagePullPolicy, policy) }
    /// Security settings.
    public func securityContext(_ context: SecurityContext) -> Container { with(\.securityContext, context) }

    /// The port declared under `name`, if any.
    public func port(named name: String) -> ContainerPort? { ports.first { $0.name == name } }
}

extension Container: ValueConvertible {
    public var value: Value {
        var fields = Fields()
        fields.add("name", name)
        fields.add("image", image)
        fields.add("command", command)
        fields.add("args", args)
        fields.add("workingDir", workingDir)
        fields.add("ports", ports)
        fields.add("env", env)
        fields.add("resources", resources)
        fields.add("volumeMounts", volumeMounts)
        fields.add("livenessProbe", livenessProbe)
        fields.add("readinessProbe", readinessProbe)
        fields.add("startupProbe", startupProbe)
        if let preStop {
            var handler = Fields()
            preStop.add(to: &handler)
            fields.add("lifecycle", ["preStop": .object(handler)] as Value)
        }
        fields.add("imagePullPolicy", imagePullPolicy)
        fields.add("securityContext", securityContext)
        return .object(fields)
    }
}
