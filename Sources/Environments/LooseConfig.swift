import InfraDSL
import Yams

/// Reads what a config file of a system being migrated still says when it does not decode as an
/// `AppConfig` (missing sections, old field names): enough to know what the engine connects to.
enum LooseConfig {
    static func needs(from yaml: String) -> (Contract.Needs, Tier?) {
        var needs = Contract.Needs()
        guard let root = (try? Yams.load(yaml: yaml)) as? [String: Any] else { return (needs, nil) }
        let database = root["database"] as? [String: Any] ?? [:]
        let redis = root["redis"] as? [String: Any] ?? [:]
        let deployment = root["deployment"] as? [String: Any] ?? [:]
        let logging = root["logging"] as? [String: Any] ?? [:]
        let metrics = root["metrics"] as? [String: Any] ?? [:]
        needs.databasePort = database["port"] as? Int ?? 5432
        needs.databaseHosts = ([database["host"] as? String] + ((database["read_replicas"] as? [String]) ?? []).map(Optional.some)).compactMap { $0 }
        if let host = redis["host"] as? String {
            needs.redisEndpoints = [(host, redis["port"] as? Int ?? 6379)]
        }
        for node in redis["nodes"] as? [String] ?? [] {
            let parts = node.split(separator: ":")
            needs.redisEndpoints.append((String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 6379 : 6379))
        }
        if let output = logging["output"] as? String, output.hasPrefix("/") {
            needs.logDirectory = LogOutput.file(output).directory
        }
        needs.metricsPort = metrics["port"] as? Int ?? 9090
        needs.maximumReplicas = deployment["max_replicas"] as? Int ?? deployment["replicas"] as? Int
        if let performance = root["performance"] as? [String: Any] {
            needs.performance = PerformanceConfig(
                cpuAffinity: performance["cpu_affinity"] as? String ?? "0",
                threadPriority: (performance["thread_priority"] as? String).flatMap(ThreadPriority.init(rawValue:)) ?? .normal,
                hugePages: performance["huge_pages"] as? Bool ?? false,
                hugePagesMemory: (performance["huge_pages_memory"] as? String).flatMap(QuantityParser.bytes).map(Memory.bytes),
                numaNode: performance["numa_node"] as? Int ?? 0)
        }
        let tier = ((root["environment"] as? [String: Any])?["tier"] as? String).flatMap(Tier.init(rawValue:))
        return (needs, tier)
    }
}
