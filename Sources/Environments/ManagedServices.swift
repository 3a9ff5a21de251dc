import InfraDSL

/// Staging and production use managed PostgreSQL (RDS) and Redis (ElastiCache) created by Terraform.
/// Each gets an ExternalName Service, so the config names a cluster-local host that resolves to the
/// managed endpoint, and egress is allowed to the VPC's data subnets where those endpoints live.
/// Terraform's root module (``InfrastructureModule``) registers the same names in the private zone,
/// each pointing at the endpoint it stands for.
///
/// The seed's configs named `*.hft-trading.svc.cluster.local` hosts in a namespace that does not
/// exist, and its staging policy allowed database traffic only to in-cluster `app: postgres` pods,
/// which never match a managed database.
enum ManagedServices {
    /// The private DNS zone Terraform registers managed endpoints in.
    static let zone = "hft-trading.internal"

    /// One host the config names, and what it stands for.
    struct Endpoint {
        enum Role: Equatable {
            case database
            /// The read replica at this position (0 for the first).
            case databaseReplica(Int)
            case cache
        }

        /// The ExternalName Service's name: `postgres-prod` of `postgres-prod.hft-trading-production.svc.cluster.local`.
        let service: String
        let role: Role
        let port: Port

        /// The name in the private zone, the environment's own: `postgres-prod.production.hft-trading.internal`.
        func privateName(_ environment: String) -> String { "\(service).\(environment).\(ManagedServices.zone)" }
    }

    /// Every database and Redis host the config names, where they are managed services.
    static func endpoints(_ stage: Stage) -> [Endpoint] {
        let config = stage.config
        var endpoints: [Endpoint] = []
        if case .managed = stage.database {
            endpoints.append(Endpoint(service: serviceName(of: config.database.host), role: .database, port: config.database.port))
            endpoints += config.database.readReplicas.enumerated().map {
                Endpoint(service: serviceName(of: $0.element), role: .databaseReplica($0.offset), port: config.database.port)
            }
        }
        if case .managed = stage.redis {
            endpoints += config.redis.endpoints.map { Endpoint(service: serviceName(of: $0.host), role: .cache, port: Port($0.port)) }
        }
        return endpoints
    }

    /// The ExternalName Services for every endpoint.
    static func aliases(_ stage: Stage) -> [Service] {
        endpoints(stage).map { endpoint in
            Service(endpoint.service, externalName: endpoint.privateName(stage.name), ports: [ServicePort("tcp", endpoint.port)])
        }
    }

    /// `postgres-prod` from `postgres-prod.hft-trading-production.svc.cluster.local`.
    static func serviceName(of host: String) -> String {
        String(host.split(separator: ".").first ?? "")
    }
}
