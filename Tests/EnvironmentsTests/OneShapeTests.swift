import Foundation
import InfraDSL
import Testing
import TestSupport
@testable import Environments

/// Every environment is the shape built from its value: a new one needs nothing but its value.
@Suite struct OneShapeTests {
    /// A user-acceptance environment nobody wrote a builder for: staging's settings under another name, namespace,
    /// account and subnets, with a declared zone.
    static func uat() -> Stage {
        var settings = Staging.settings
        settings.environment = EnvironmentInfo(name: "uat", tier: .staging)
        // Its own managed services, named by tier as every environment's are, in its own namespace
        // (staging's hosts would be an error: the reachability check finds a host in a namespace
        // the environment does not have).
        settings.database = DatabaseConfig(
            host: Common.serviceHost("postgres-staging", namespace: "hft-trading-uat"), port: 5432, database: "hft_trading_uat",
            poolSize: 20, sslMode: .require, readReplicas: [])
        settings.redis = .standalone(host: Common.serviceHost("redis-staging", namespace: "hft-trading-uat"), port: 6379, db: 0, ssl: true)
        let staging = Staging.stage
        return Stage(
            config: AppConfig(common: Common.config, settings: settings), namespace: "hft-trading-uat", images: staging.images,
            database: .managed(cidr: "10.50.64.0/20"), redis: .managed(cidr: "10.50.64.0/20"),
            cloud: CloudPlacement(account: "777788889999", region: "eu-west-1", dataSubnets: "10.50.64.0/20", services: staging.cloud!.services),
            quota: staging.quota, nodePools: staging.nodePools, minimumEnginesUp: 2, promotedFrom: Staging.name, divergences: [.singleZone("eu-west-1b")])
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
        // Staging's objects, one for one: the shape is the same.
        let staging = try EnvironmentRenderer.render(Staging.stage.environment)
        func kinds(_ environment: RenderedEnvironment, _ name: String) -> [String] {
            environment.files.map(\.path).filter { $0.hasPrefix("\(name)/kubernetes/") }.map { String($0.dropFirst(name.count)) }.sorted()
        }
        #expect(kinds(rendered, "uat").map { $0.replacing("-uat", with: "-staging") } == kinds(staging, "staging"))
    }

    /// The chart is the shape's: a new environment joins it with its values file. The one template
    /// that changes is of the one object staging alone had (its standalone Redis alias), whose
    /// address differs in uat: it becomes a choice in both values files. Helm renders the new
    /// environment's manifests from the chart.
    @Test func aNewEnvironmentJoinsTheHelmChartWithItsValuesFileAlone() throws {
        let catalog = Catalog.names + ["uat"]
        let charted = Catalog.stages(with: .current).filter(HelmPackaging.deploysWithChart)
        func output(_ stages: [Stage]) throws -> [String: String] {
            let environments = stages.map { ($0, EnvironmentResolver.resolve(TradingSystem.environment($0, catalog: catalog)).objects) }
            return Dictionary(uniqueKeysWithValues: try HelmPackaging.output(environments).map { ($0.path, $0.contents) })
        }
        let before = try output(charted)
        let after = try output(charted + [Self.uat()])
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        #expect(changed == ["environments/staging.yaml", "environments/uat.yaml", "hft-trading/templates/service-redis-staging.yaml", "hft-trading/values.schema.json"])

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, contents) in after {
            let url = directory.appendingPathComponent("helm/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        let manifests = try EnvironmentRenderer.render(TradingSystem.environment(Self.uat(), catalog: catalog))
        try OutputDirectory(root: directory).write(manifests)
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/helm_check.py").path
        let helm = directory.appendingPathComponent("helm").path
        let result = try TestSupport.shell(
            "\(TestSupport.python) '\(script)' '\(helm)/hft-trading' '\(helm)/environments/uat.yaml' '\(directory.path)/uat/kubernetes' hft-trading-uat '\(directory.path)/rendered'")
        #expect(result.status == 0, "\(result.output)\(result.error)")
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
