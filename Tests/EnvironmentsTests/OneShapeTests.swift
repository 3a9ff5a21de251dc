import InfraDSL
import Testing
@testable import Environments

/// Every environment is the shape built from its value: a new one needs nothing but its value.
@Suite struct OneShapeTests {
    /// A user-acceptance environment nobody wrote a builder for: staging's settings under another name, namespace,
    /// account and subnets, with a declared zone.
    static func uat() -> Stage {
        var settings = Staging.settings
        settings.environment = EnvironmentInfo(name: "uat", tier: .staging)
        // Its own managed services, in its own namespace (staging's hosts would be an error: the
        // reachability check finds a host in a namespace the environment does not have).
        settings.database = DatabaseConfig(
            host: Common.serviceHost("postgres-uat", namespace: "hft-trading-uat"), port: 5432, database: "hft_trading_uat",
            poolSize: 20, sslMode: .require, readReplicas: [])
        settings.redis = .standalone(host: Common.serviceHost("redis-uat", namespace: "hft-trading-uat"), port: 6379, db: 0, ssl: true)
        let staging = Staging.stage
        return Stage(
            config: AppConfig(common: Common.config, settings: settings), namespace: "hft-trading-uat", images: staging.images,
            database: .managed(cidr: "10.50.64.0/20"), redis: .managed(cidr: "10.50.64.0/20"),
            cloud: CloudPlacement(account: "777788889999", region: "eu-west-1", dataSubnets: "10.50.64.0/20"),
            quota: staging.quota, minimumEnginesUp: 2, promotedFrom: Staging.name, divergences: [.singleZone("eu-west-1b")])
    }

    @Test func aValueAloneRendersACheckedEnvironment() throws {
        // Outside the catalog, the one thing missing is its entry: Terraform's list of environments.
        let outside = try #require(throws: DiagnosticsError.self) { try EnvironmentRenderer.render(Self.uat().environment) }
        #expect(outside.diagnostics.map(\.message) == ["environment: the value \"uat\" fails its validation: environment must be one of development, staging, production, production-dr."])
        let rendered = try EnvironmentRenderer.render(TradingSystem.environment(Self.uat(), catalog: Catalog.names + ["uat"]))
        let files = Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.contents) })
        let engine = try #require(files["uat/kubernetes/statefulset-trading-engine.yaml"])
        #expect(engine.contains("namespace: hft-trading-uat"))
        #expect(engine.contains("topology.kubernetes.io/zone: eu-west-1b"))
        #expect(try #require(files["uat/kubernetes/secretstore-aws-secrets-manager.yaml"]).contains("region: eu-west-1"))
        #expect(try #require(files["uat/terraform/uat.tfvars"]).contains(#/aws_account_id +=\s+"777788889999"/#))
        #expect(files["uat/helm/hft-trading/Chart.yaml"] != nil)
        // Staging's objects, one for one: the shape is the same.
        let staging = try EnvironmentRenderer.render(Staging.stage.environment)
        func kinds(_ environment: RenderedEnvironment, _ name: String) -> [String] {
            environment.files.map(\.path).filter { $0.hasPrefix("\(name)/kubernetes/") }.map { String($0.dropFirst(name.count)) }.sorted()
        }
        #expect(kinds(rendered, "uat").map { $0.replacing("-uat", with: "-staging") } == kinds(staging, "staging"))
    }

    @Test func aDivergenceChangesOnlyWhatItDeclares() throws {
        let objects = EnvironmentResolver.resolve(TradingSystem.environment(Self.uat(), catalog: Catalog.names + ["uat"])).objects
        let staging = EnvironmentResolver.resolve(Staging.stage.environment).objects
        let diff = EnvironmentDiff.compare(from: ("staging", staging), to: ("uat", objects))
            .substituting([.init("environment name", from: "staging", to: "uat")])
        let paths = diff.entries.flatMap { entry -> [String] in
            guard case .changed(let identity, let changes) = entry else { return ["\(entry)"] }
            return changes.map { "\(identity) \($0.path)" }
        }
        #expect(paths.contains("StatefulSet/trading-engine spec.template.spec.nodeSelector.topology.kubernetes.io/zone"))
        #expect(!paths.contains { $0.hasPrefix("Role") || $0.hasPrefix("RoleBinding") }, "\(paths)")
    }
}
