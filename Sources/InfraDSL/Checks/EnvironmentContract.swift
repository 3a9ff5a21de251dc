/// What an application expects of the environment it runs in: the traffic it needs, the paths it
/// writes, the objects managed elsewhere, the nodes it may run on and the settings that must not get
/// weaker from one tier to the next. The semantic checks hold the environment's objects against it.
public struct EnvironmentContract: Sendable {
    /// Where outbound traffic goes.
    public enum Destination: Hashable, Sendable {
        /// A host name: `<service>.<namespace>.svc.cluster.local` resolves to a Service, anything
        /// else is outside the cluster, in `network` when known.
        case host(String, network: String? = nil)
        /// Pods with these labels in a namespace (the cluster DNS, say).
        case pods(Labels, in: NamespaceReference)
        /// Any public address.
        case internet
    }

    /// Outbound traffic an application needs.
    public struct Dependency: Hashable, Sendable {
        /// What it is, for messages: `database`, `redis`, `dns`.
        public let name: String
        /// The pods that make the connection.
        public let from: Labels
        public let destination: Destination
        public let port: Int
        public let transport: PortProtocol
        /// Where the need was read, for an inferred one (`from env CART_SERVICE_ADDR`): findings
        /// then name the edge (`checkout → cartservice:7070, from env CART_SERVICE_ADDR`).
        public let evidence: String?
        /// The line that says so (the variable, the ConfigMap), where findings about the caller go.
        public let location: SourceLocation?
        /// The workload (`Kind/name`) whose pods make the connection, for one read from a workload:
        /// then only its pods are the source, even when other workloads' pods carry its labels (or
        /// its pods carry none, which every workload would match).
        public let caller: String?

        public init(
            _ name: String, from: Labels, to destination: Destination, port: Int, transport: PortProtocol = .tcp,
            evidence: String? = nil, location: SourceLocation? = nil, caller: String? = nil
        ) {
            self.name = name
            self.caller = caller
            self.from = from
            self.destination = destination
            self.port = port
            self.transport = transport
            self.evidence = evidence
            self.location = location
        }
    }

    /// Inbound traffic an application must accept.
    public struct InboundPath: Hashable, Sendable {
        public let name: String
        public let from: NamespaceReference
        public let to: Labels
        public let port: Int

        public init(_ name: String, from: NamespaceReference, to: Labels, port: Int) {
            self.name = name
            self.from = from
            self.to = to
            self.port = port
        }
    }

    /// A path a container must be able to read (`writable: false`) or write.
    public struct PathRequirement: Hashable, Sendable {
        public let pods: Labels
        public let container: String
        public let path: String
        public let writable: Bool
        public let reason: String

        public init(pods: Labels, container: String, path: String, writable: Bool, reason: String) {
            self.pods = pods
            self.container = container
            self.path = path
            self.writable = writable
            self.reason = reason
        }
    }

    /// An object that exists but is not rendered here (created from a secret store, by the platform).
    public struct ExternalObject: Hashable, Sendable {
        public let kind: String
        public let name: String
        public let reason: String

        public init(kind: String, name: String, reason: String) {
            self.kind = kind
            self.name = name
            self.reason = reason
        }
    }

    /// A group of identical nodes pods may be scheduled on.
    public struct NodePool: Hashable, Sendable {
        public let name: String
        public let labels: Labels
        public let nodes: Int

        public init(_ name: String, labels: Labels, nodes: Int) {
            self.name = name
            self.labels = labels
            self.nodes = nodes
        }
    }

    /// A setting that must be at least as strict in each tier as in the tier before it.
    public struct ParitySetting: Hashable, Sendable {
        public let name: String
        /// The value, for messages.
        public let value: String
        /// How strict the value is: higher is stricter.
        public let strictness: Int

        public init(_ name: String, value: String, strictness: Int) {
            self.name = name
            self.value = value
            self.strictness = strictness
        }
    }

    /// The most replicas some pods may run (an application's own scaling bound, which may be above
    /// any autoscaler written in the manifests).
    public struct Scale: Hashable, Sendable {
        public let pods: Labels
        public let maximum: Int

        public init(pods: Labels, maximum: Int) {
            self.pods = pods
            self.maximum = maximum
        }
    }

    public var dependencies: [Dependency]
    public var scale: [Scale] = []
    public var inbound: [InboundPath]
    public var paths: [PathRequirement]
    public var externalObjects: [ExternalObject]
    /// Namespaces outside the environment that its rules may name.
    public var externalNamespaces: [NamespaceReference]
    /// The nodes; empty means unknown (placement is then not checked).
    public var nodePools: [NodePool]
    public var parity: [ParitySetting]
    /// What latency-critical containers need of their pod specs and nodes.
    public var performance: [PerformanceRequirement] = []
    /// Whether every container must run an image pinned by a sha256 digest, so what runs is what
    /// was reviewed (``ImagePinningCheck``).
    public var pinnedImages = false

    /// A contract; every part defaults to empty.
    public init(
        dependencies: [Dependency] = [], inbound: [InboundPath] = [], paths: [PathRequirement] = [],
        externalObjects: [ExternalObject] = [], externalNamespaces: [NamespaceReference] = [],
        nodePools: [NodePool] = [], parity: [ParitySetting] = []
    ) {
        self.dependencies = dependencies
        self.inbound = inbound
        self.paths = paths
        self.externalObjects = externalObjects
        self.externalNamespaces = externalNamespaces
        self.nodePools = nodePools
        self.parity = parity
    }
}
