import InfraDSL

/// Staging and production use managed PostgreSQL (RDS) and Redis (ElastiCache) created by Terraform.
/// Each gets an ExternalName Service, so the config names a cluster-local host that resolves to the
/// managed endpoint, and egress is allowed to the VPC's data subnets where those endpoints live.
///
/// The seed's configs named `*.hft-trading.svc.cluster.local` hosts in a namespace that does not
/// exist, and its staging policy allowed database traffic only to in-cluster `app: postgres` pods,
/// which never match a managed database.
enum ManagedServices {
    /// The private DNS zone Terraform registers managed endpoints in.
    static let zone = "hft-trading.internal"

    /// An ExternalName Service for one managed endpoint.
    static func alias(_ name: String, tier: Tier, port: Port) -> Service {
        Service(name, externalName: "\(name).\(tier.rawValue).\(zone)", ports: [ServicePort("tcp", port)])
    }

    /// The aliases for every database and Redis host the config names.
    static func aliases(_ stage: Stage) -> [Service] {
        let config = stage.config
        let databaseHosts = [config.database.host] + config.database.readReplicas
        let database = databaseHosts.map { alias(serviceName(of: $0), tier: stage.tier, port: config.database.port) }
        let redis = config.redis.endpoints.map { alias(serviceName(of: $0.host), tier: stage.tier, port: Port($0.port)) }
        return database + redis
    }

    /// `postgres-prod` from `postgres-prod.hft-trading-production.svc.cluster.local`.
    static func serviceName(of host: String) -> String {
        String(host.split(separator: ".").first ?? "")
    }
}
