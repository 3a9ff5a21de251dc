import InfraDSL

/// Production's second region: the same engines, quota and rules in us-west-2, with its own
/// account-local network, managed services and zone. It takes production's image once production
/// runs it (``Stage/promotedFrom``).
enum ProductionDR {
    static let name = "production-dr"
    static let namespace = "hft-trading-production-dr"
    /// The region's VPC data subnets (production's are 10.10.64.0/20).
    static let dataSubnets = "10.40.64.0/20"

    static let settings = Production.settings(name: name, namespace: namespace)

    static func stage(with pins: ImagePins) -> Stage {
        Stage(
            config: AppConfig(common: Common.config, settings: settings), namespace: namespace, images: pins.pins[name],
            database: .managed(cidr: dataSubnets), redis: .managed(cidr: dataSubnets),
            cloud: CloudPlacement(account: "444455556666", region: "us-west-2", dataSubnets: dataSubnets, services: Production.services),
            quota: Production.quota, nodePools: Production.nodePools, minimumEnginesUp: 3, promotedFrom: Production.name,
            divergences: [.deployIdentityOnly, .auditedAPI, .live, .singleZone("us-west-2a")])
    }
}
