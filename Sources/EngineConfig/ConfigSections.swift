import InfraValues

/// `application`: what runs.
public struct ApplicationConfig: Codable, Sendable, Hashable {
    public var name: String
    public var version: String

    /// Every field, explicitly.
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// `logging`: the common format and rotation plus each environment's level and output.
public struct LoggingConfig: Codable, Sendable, Hashable {
    /// Log file rotation.
    public struct Rotation: Codable, Sendable, Hashable {
        public var maxSize: Storage
        public var maxFiles: Int

        /// Rotation after `maxSize`, keeping `maxFiles`.
        public init(maxSize: Storage, maxFiles: Int) {
            self.maxSize = maxSize
            self.maxFiles = maxFiles
        }

        enum CodingKeys: String, CodingKey {
            case maxSize = "max_size"
            case maxFiles = "max_files"
        }
    }

    public var level: LogLevel
    public var format: LogFormat
    public var output: LogOutput
    public var rotation: Rotation
}

/// `metrics`: the Prometheus endpoint.
public struct MetricsConfig: Codable, Sendable, Hashable {
    public var enabled: Bool
    public var port: Port
    public var interval: Seconds

    /// Every field, explicitly.
    public init(enabled: Bool, port: Port, interval: Seconds) {
        self.enabled = enabled
        self.port = port
        self.interval = interval
    }
}

/// `network`: socket tuning and which outbound traffic the engine makes.
public struct NetworkConfig: Codable, Sendable, Hashable {
    public var tcpNoDelay: Bool
    public var soReuseAddr: Bool
    public var bufferSize: Int
    /// Whether the engine calls HTTPS endpoints outside the cluster (market data, exchange
    /// gateways). Drives the egress policy; off where market data is mocked.
    public var externalHTTPS: Bool

    enum CodingKeys: String, CodingKey {
        case tcpNoDelay = "tcp_nodelay"
        case soReuseAddr = "so_reuseaddr"
        case bufferSize = "buffer_size"
        case externalHTTPS = "external_https"
    }
}

/// `security`: transport security.
public struct SecurityConfig: Codable, Sendable, Hashable {
    public var tlsEnabled: Bool
    public var minTLSVersion: TLSVersion

    /// Every field, explicitly.
    public init(tlsEnabled: Bool, minTLSVersion: TLSVersion) {
        self.tlsEnabled = tlsEnabled
        self.minTLSVersion = minTLSVersion
    }

    enum CodingKeys: String, CodingKey {
        case tlsEnabled = "tls_enabled"
        case minTLSVersion = "min_tls_version"
    }
}

/// `environment`: which environment this is.
public struct EnvironmentInfo: Codable, Sendable, Hashable {
    public var name: String
    public var tier: Tier

    /// Every field, explicitly.
    public init(name: String, tier: Tier) {
        self.name = name
        self.tier = tier
    }
}

/// `deployment`: how many engines run.
public struct DeploymentConfig: Codable, Sendable, Hashable {
    public var replicas: Int
    public var autoScaling: Bool
    public var minReplicas: Int?
    public var maxReplicas: Int?

    enum CodingKeys: String, CodingKey {
        case replicas
        case autoScaling = "auto_scaling"
        case minReplicas = "min_replicas"
        case maxReplicas = "max_replicas"
    }

    /// A fixed number of engines.
    public static func fixed(_ replicas: Int) -> DeploymentConfig {
        DeploymentConfig(replicas: replicas, autoScaling: false, minReplicas: nil, maxReplicas: nil)
    }

    /// Autoscaled between `min` and `max`, starting at `min`.
    public static func autoscaled(min: Int, max: Int) -> DeploymentConfig {
        DeploymentConfig(replicas: min, autoScaling: true, minReplicas: min, maxReplicas: max)
    }

    /// The most engines that can run at once.
    public var maximumReplicas: Int { autoScaling ? (maxReplicas ?? replicas) : replicas }
}

/// `resources`: what one engine requests and may use.
public struct ResourcesConfig: Codable, Sendable, Hashable {
    /// A request and a limit of one resource.
    public struct Pair<Amount: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
        public var request: Amount
        public var limit: Amount

        /// A request and a limit.
        public init(request: Amount, limit: Amount) {
            self.request = request
            self.limit = limit
        }
    }

    public var cpu: Pair<CPU>
    public var memory: Pair<Memory>
    /// The line that wrote these settings (an environment's own), where findings about them point;
    /// not part of the config file, nor of equality.
    public var location = SourceLocation(path: "config.yaml", line: 1)

    /// Every field, explicitly.
    public init(cpu: Pair<CPU>, memory: Pair<Memory>, file: StaticString = #filePath, line: UInt = #line) {
        self.cpu = cpu
        self.memory = memory
        location = SourceLocation(file, line)
    }

    enum CodingKeys: String, CodingKey {
        case cpu, memory
    }

    public static func == (lhs: ResourcesConfig, rhs: ResourcesConfig) -> Bool { lhs.cpu == rhs.cpu && lhs.memory == rhs.memory }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cpu)
        hasher.combine(memory)
    }
}

/// `database`: the PostgreSQL the engine uses.
public struct DatabaseConfig: Codable, Sendable, Hashable {
    public var host: String
    public var port: Port
    public var database: String
    public var poolSize: Int
    public var sslMode: SSLMode
    public var readReplicas: [String]

    /// Every field, explicitly.
    public init(host: String, port: Port, database: String, poolSize: Int, sslMode: SSLMode, readReplicas: [String]) {
        self.host = host
        self.port = port
        self.database = database
        self.poolSize = poolSize
        self.sslMode = sslMode
        self.readReplicas = readReplicas
    }

    enum CodingKeys: String, CodingKey {
        case host, port, database
        case poolSize = "pool_size"
        case sslMode = "ssl_mode"
        case readReplicas = "read_replicas"
    }
}

/// `redis`: a standalone server or a cluster.
public struct RedisConfig: Codable, Sendable, Hashable {
    public var mode: RedisMode
    public var host: String?
    public var port: Port?
    public var db: Int?
    public var nodes: [String]?
    public var ssl: Bool

    /// One Redis server and database.
    public static func standalone(host: String, port: Port, db: Int, ssl: Bool) -> RedisConfig {
        RedisConfig(mode: .standalone, host: host, port: port, db: db, nodes: nil, ssl: ssl)
    }

    /// A Redis cluster reached through its nodes (`host:port`).
    public static func cluster(nodes: [String], ssl: Bool) -> RedisConfig {
        RedisConfig(mode: .cluster, host: nil, port: nil, db: nil, nodes: nodes, ssl: ssl)
    }

    /// Every `(host, port)` the engine connects to.
    public var endpoints: [(host: String, port: Int)] {
        switch mode {
        case .standalone:
            return host.map { [($0, port?.number ?? 6379)] } ?? []
        case .cluster:
            return (nodes ?? []).map { node in
                let parts = node.split(separator: ":")
                return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 6379 : 6379)
            }
        }
    }
}

/// `features`: switches that differ per tier.
public struct FeaturesConfig: Codable, Sendable, Hashable {
    public var debugMode: Bool
    public var profiling: Bool
    public var mockMarketData: Bool

    /// Every field, explicitly.
    public init(debugMode: Bool, profiling: Bool, mockMarketData: Bool) {
        self.debugMode = debugMode
        self.profiling = profiling
        self.mockMarketData = mockMarketData
    }

    enum CodingKeys: String, CodingKey {
        case debugMode = "debug_mode"
        case profiling
        case mockMarketData = "mock_market_data"
    }
}

/// `performance`: how the hot path runs where latency matters (staging rehearses production).
///
/// The manifests realise every setting (see the environments' `LowLatency`): the pod gets whole CPUs
/// of its own, the huge pages it maps and the capability a raised priority needs, on a node pool
/// whose kubelet is configured for it. The engine applies them at start-up and refuses readiness
/// when one cannot be honoured.
public struct PerformanceConfig: Codable, Sendable, Hashable {
    /// Which of the CPUs the container receives carry the hot threads, as positions in its cpuset
    /// (`0-7`: the first eight). Kubernetes picks the host CPUs (the static CPU manager gives a
    /// Guaranteed container exclusive ones); a host CPU list here would pin to CPUs shared with every
    /// other pod of the node.
    public var cpuAffinity: String
    public var threadPriority: ThreadPriority
    public var hugePages: Bool
    /// How much memory the engine maps in 2 MiB huge pages; required when `huge_pages` is on.
    public var hugePagesMemory: Memory?
    /// The NUMA node the engine expects its CPUs on. The kubelet's topology manager keeps the pod
    /// on one node and chooses which; another node is reported, not refused.
    public var numaNode: Int
    /// The line that wrote these settings, where findings about them point; not part of the config
    /// file, nor of equality.
    public var location = SourceLocation(path: "config.yaml", line: 1)

    /// Every field, explicitly.
    public init(
        cpuAffinity: String, threadPriority: ThreadPriority, hugePages: Bool, hugePagesMemory: Memory?, numaNode: Int,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.cpuAffinity = cpuAffinity
        self.threadPriority = threadPriority
        self.hugePages = hugePages
        self.hugePagesMemory = hugePagesMemory
        self.numaNode = numaNode
        location = SourceLocation(file, line)
    }

    public static func == (lhs: PerformanceConfig, rhs: PerformanceConfig) -> Bool {
        (lhs.cpuAffinity, lhs.threadPriority, lhs.hugePages, lhs.hugePagesMemory, lhs.numaNode)
            == (rhs.cpuAffinity, rhs.threadPriority, rhs.hugePages, rhs.hugePagesMemory, rhs.numaNode)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cpuAffinity)
        hasher.combine(threadPriority)
        hasher.combine(hugePages)
        hasher.combine(hugePagesMemory)
        hasher.combine(numaNode)
    }

    /// How many CPUs the container needs for the positions `cpu_affinity` names (`0-7`: 8).
    public var cpusNeeded: Int? { CPUList(cpuAffinity).flatMap(\.cpus.last).map { $0 + 1 } }

    enum CodingKeys: String, CodingKey {
        case cpuAffinity = "cpu_affinity"
        case threadPriority = "thread_priority"
        case hugePages = "huge_pages"
        case hugePagesMemory = "huge_pages_memory"
        case numaNode = "numa_node"
    }
}
