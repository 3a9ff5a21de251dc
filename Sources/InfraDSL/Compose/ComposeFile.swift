/// A Docker Compose file for local development, typed. Services and volumes render in the order
/// written; environment variables sorted.
public struct ComposeFile: Sendable {
    /// A host port published to a container port.
    public struct PortMapping: Sendable {
        public let host: Port
        public let container: Port

        /// `host:container`.
        public init(host: Port, container: Port) {
            self.host = host
            self.container = container
        }
    }

    /// A mount into a service: a named volume or a path relative to the compose file.
    public struct Mount: Sendable {
        public let source: String
        public let target: String
        public let readOnly: Bool

        /// A named volume.
        public static func volume(_ name: String, at target: String) -> Mount { Mount(source: name, target: target, readOnly: false) }
        /// A file or directory beside the compose file, read-only.
        public static func file(_ relativePath: String, at target: String) -> Mount {
            Mount(source: relativePath.hasPrefix(".") ? relativePath : "./" + relativePath, target: target, readOnly: true)
        }

        var text: String { "\(source):\(target)" + (readOnly ? ":ro" : "") }
    }

    /// One service.
    public struct Service: Sendable {
        public let name: String
        public let image: String
        public let command: [String]
        public let environment: Labels
        public let ports: [PortMapping]
        public let volumes: [Mount]
        public let dependsOn: [String]

        /// A service.
        public init(
            _ name: String, image: String, command: [String] = [], environment: Labels = .none,
            ports: [PortMapping] = [], volumes: [Mount] = [], dependsOn: [String] = []
        ) {
            self.name = name
            self.image = image
            self.command = command
            self.environment = environment
            self.ports = ports
            self.volumes = volumes
            self.dependsOn = dependsOn
        }
    }

    public let name: String
    public let services: [Service]

    /// A compose project.
    public init(name: String, services: [Service]) {
        self.name = name
        self.services = services
    }

    /// Named volumes used by any service, in first-use order.
    public var namedVolumes: [String] {
        var seen: [String] = []
        for mount in services.flatMap(\.volumes) where !mount.source.hasPrefix(".") && !mount.source.hasPrefix("/") {
            if !seen.contains(mount.source) { seen.append(mount.source) }
        }
        return seen
    }
}

extension ComposeFile: ValueConvertible {
    public var value: Value {
        let services = Fields(services.map { service in
            var fields = Fields()
            fields.add("image", service.image)
            fields.add("command", service.command)
            fields.add("environment", service.environment)
            fields.add("ports", service.ports.map { "\($0.host.number):\($0.container.number)" })
            fields.add("volumes", service.volumes.map(\.text))
            fields.add("depends_on", service.dependsOn)
            return (service.name, Value.object(fields))
        })
        var fields = Fields()
        fields.add("name", name)
        fields.add("services", .object(services))
        fields.add("volumes", .object(Fields(namedVolumes.map { ($0, Value.emptyObject) })))
        return .object(fields)
    }
}
