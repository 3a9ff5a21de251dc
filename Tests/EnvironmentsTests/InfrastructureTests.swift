import Foundation
import InfraDSL
import Testing
import TestSupport
@testable import Environments

/// The Terraform variables and the Helm chart come from the same typed values as the manifests, and
/// tools nobody here wrote read them back unchanged.
@Suite struct InfrastructureTests {
    static let stages: [(Stage, String)] = [(Staging.stage, Staging.dataSubnets), (Production.stage, Production.dataSubnets)]

    static func variables(_ index: Int) -> [TerraformVariable] {
        let stage = stages[index].0
        return Infrastructure.variables(stage, cloud: stage.cloud!)
    }

    private func json(_ value: HCLValue) -> Any {
        switch value {
        case .string(let string): return string
        case .number(let number): return number
        case .bool(let bool): return bool
        case .list(let items): return items.map(json)
        case .object(let attributes): return Dictionary(uniqueKeysWithValues: attributes.map { ($0.name, json($0.value)) })
        case .expression(let expression): return expression
        case .null: return NSNull()
        }
    }

    @Test(arguments: [0, 1])
    func tfvarsParseBackToTheTypedValues(_ index: Int) throws {
        let stage = Self.stages[index].0
        let variables = Self.variables(index)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tfvars = directory.appendingPathComponent("\(stage.name).tfvars")
        let declarations = directory.appendingPathComponent("variables.tf")
        try Data(TerraformFiles.values(variables).utf8).write(to: tfvars)
        try Data(TerraformFiles.variables(variables).utf8).write(to: declarations)
        let parsed = try TestSupport.parseHCL([tfvars.path, declarations.path])
        let values = try #require(parsed[tfvars.path] as? [String: Any])
        for variable in variables {
            if let value = variable.value {
                #expect(try TestSupport.sameJSON(try #require(values[variable.name]), json(value)), "\(variable.name)")
            } else {
                #expect(values[variable.name] == nil, "\(variable.name) has a value in the tfvars file")
            }
        }
        let blocks = try #require((parsed[declarations.path] as? [String: Any])?["variable"] as? [[String: Any]])
        let declared = Dictionary(uniqueKeysWithValues: blocks.flatMap { $0.map { ($0.key, $0.value as? [String: Any] ?? [:]) } })
        #expect(Set(declared.keys) == Set(variables.map(\.name)))
        // No credential passes through a variable: the module generates them into the secrets manager.
        #expect(variables.allSatisfy { !$0.sensitive && $0.value != nil })
        #expect(declared["db_port"]?["validation"] != nil)
    }

    @Test func valuesComeFromTheConfig() {
        let production = Self.variables(1)
        func value(_ name: String) -> HCLValue? { production.first { $0.name == name }?.value }
        #expect(value("db_read_replica_count") == .number(Production.stage.config.database.readReplicas.count))
        #expect(value("cache_num_node_groups") == .number(Production.stage.config.redis.endpoints.count))
        #expect(Infrastructure.databaseParameters(Production.stage.config).contains { $0 == ("rds.force_ssl", "1") })
        // Every engine's pool at the autoscaler's maximum fits in max_connections.
        let pools = Production.stage.config.database.poolSize * Production.stage.config.deployment.maximumReplicas
        #expect(Infrastructure.maxConnections(Production.stage.config) > pools)
    }

    /// One chart for every cloud environment: with an environment's values file it renders exactly
    /// that environment's manifests (Helm itself, through scripts/helm_check.py).
    @Test(arguments: [Staging.name, Production.name, ProductionDR.name])
    func helmChartRendersTheManifests(_ name: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = try #require(Catalog.environment(named: name))
        let rendered = try Catalog.render([environment])
        // Only the selected environment is written, and the chart, made from all of them.
        #expect(rendered.map(\.name) == [name, HelmPackaging.outputName])
        try Generator.write(rendered, into: OutputDirectory(root: directory))
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/helm_check.py").path
        let helm = directory.appendingPathComponent(HelmPackaging.outputName).path
        let result = try TestSupport.shell(
            "\(TestSupport.python) '\(script)' '\(helm)/hft-trading' '\(helm)/environments/\(name).yaml' '\(directory.path)/\(name)/kubernetes' '\(environment.namespace)' '\(directory.path)/rendered'")
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((report["rendered"] as? Int ?? 0) > 10)
        #expect((report["schema_accepted"] as? [String])?.isEmpty == true, "the values schema accepted bad values: \(report)")
    }

    @Test func theChartHasAValuesFilePerCloudEnvironmentAndNoEnvironmentHasItsOwnChart() throws {
        let rendered = try Catalog.render(Catalog.environments)
        let chart = try #require(rendered.first { $0.name == HelmPackaging.outputName })
        let valuesFiles: [String] = chart.files.map(\.path).filter { $0.hasPrefix("helm/environments/") }
        #expect(valuesFiles == ["helm/environments/production-dr.yaml", "helm/environments/production.yaml", "helm/environments/staging.yaml"])
        #expect(!rendered.flatMap(\.files).contains { $0.path.contains("/helm/") && !$0.path.hasPrefix("helm/") })
        // Development deploys with compose and its manifests, not the chart: alone, it brings no chart.
        #expect(try Catalog.render([Development.stage.environment]).map(\.name) == [Development.name])
    }
}
