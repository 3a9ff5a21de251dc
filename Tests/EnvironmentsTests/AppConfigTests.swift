import Foundation
@testable import InfraDSL
import Testing
import TestSupport
import Yams
@testable import Environments

/// The config `gen` writes is the config the engine reads, and its schema rejects what the types reject.
@Suite struct AppConfigTests {
    @Test(arguments: Catalog.configs.keys.sorted())
    func renderedConfigDecodesBackToTheSameValue(_ name: String) throws {
        let config = try #require(Catalog.configs[name])
        let decoded = try AppConfig.decode(yaml: try config.yaml())
        #expect(decoded == config)
    }

    /// The rules the engine enforces on a config file hold for every environment we render, and a
    /// broken value is reported with its field.
    @Test func everyEnvironmentMeetsTheEngineConfigRules() throws {
        for (name, config) in Catalog.configs {
            #expect(config.constraintViolations().isEmpty, "\(name): \(config.constraintViolations())")
        }
        var broken = try #require(Catalog.configs["production"])
        broken.database.poolSize = 0
        broken.performance?.cpuAffinity = "7-0"
        broken.deployment.maxReplicas = 1
        #expect(broken.constraintViolations().map(\.field) == ["deployment.max_replicas", "database.pool_size", "performance.cpu_affinity"])
    }

    @Test func configMapHoldsTheConfigFileAndThePodCarriesItsFingerprint() throws {
        for environment in try Generator.renderAll(Catalog.environments) {
            let files = Dictionary(uniqueKeysWithValues: environment.files.map { ($0.path, $0.contents) })
            let configFile = try #require(files["\(environment.name)/config/config.yaml"])
            let configMap = try #require(try Yams.load(yaml: files["\(environment.name)/kubernetes/configmap-trading-engine-config.yaml"] ?? "") as? [String: Any])
            #expect((configMap["data"] as? [String: Any])?["config.yaml"] as? String == configFile)
            let engine = try #require(try Yams.load(yaml: files["\(environment.name)/kubernetes/statefulset-trading-engine.yaml"] ?? "") as? [String: Any])
            let template = ((engine["spec"] as? [String: Any])?["template"] as? [String: Any])?["metadata"] as? [String: Any]
            let annotations = template?["annotations"] as? [String: Any]
            let config = try AppConfig.decode(yaml: configFile)
            #expect(annotations?["infradsl.io/config-sha256"] as? String == (try config.fingerprint()), "\(environment.name)")
            // The fingerprint is over the canonical JSON that Helm's `toJson` also produces.
            let sortedCompact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(JSONRenderer.render(try ValueEncoder().encode(config)).utf8)), options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(SHA256.hex(Array(sortedCompact)) == (try config.fingerprint()))
        }
    }

    @Test func engineResourcesComeFromTheConfig() {
        for stage in [Development.stage, Staging.stage, Production.stage] {
            let resources = TradingEngine.container(stage).resources
            let config = stage.config.resources.requirements
            #expect(resources?.requests.cpu == config.requests.cpu && resources?.limits.cpu == config.limits.cpu, "\(stage.name)")
            #expect(resources?.requests.memory == config.requests.memory && resources?.limits.memory == config.limits.memory, "\(stage.name)")
            // Huge pages come from the performance section, requested and limited alike.
            let hugePages = stage.config.performance.flatMap { $0.hugePages ? $0.hugePagesMemory : nil }
            #expect(resources?.requests.hugePages2Mi == hugePages && resources?.limits.hugePages2Mi == hugePages, "\(stage.name)")
        }
        #expect(Production.stage.config.performance?.hugePagesMemory == .gi(1))
    }

    @Test func developmentCredentialsAreTheSameInKubernetesAndCompose() throws {
        let stage = Development.stage
        let compose = DevelopmentCompose.file(stage)
        let engine = try #require(compose.services.first { $0.name == DevelopmentCompose.engineService })
        let postgres = try #require(compose.services.first { $0.name == "postgres" })
        let secret = DevelopmentSupport.credentials()
        #expect(engine.environment["DATABASE_PASSWORD"] == secret["password"])
        #expect(postgres.environment["POSTGRES_PASSWORD"] == secret["password"])
        #expect(postgres.environment["POSTGRES_USER"] == secret["username"])
        #expect(secret["password"]?.hasPrefix("dev-only-") == true)
    }

    /// Bad config files, each rejected by `check-jsonschema` against the derived schema; the good
    /// file is accepted, so a rejection means the schema caught the mistake.
    @Test func schemaRejectsWhatTheTypesReject() throws {
        let config = Production.stage.config
        let schema = JSONRenderer.render(try AppConfig.jsonSchema())
        let good = try config.yaml()
        let bad: [String: String] = [
            "wrong type": good.replacingOccurrences(of: "pool_size: 100", with: "pool_size: many"),
            "unknown field": good.replacingOccurrences(of: "pool_size: 100", with: "pool_size: 100\n  pool_sise: 100"),
            "bad enum": good.replacingOccurrences(of: "ssl_mode: verify-full", with: "ssl_mode: sometimes"),
            "bad quantity": good.replacingOccurrences(of: "request: 16Gi", with: "request: 16 Gi"),
            "port out of range": good.replacingOccurrences(of: "port: 9090", with: "port: 99999"),
            "missing section": good.replacingOccurrences(of: "features:\n  debug_mode: false\n  profiling: false\n  mock_market_data: false\n", with: ""),
        ]
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(schema.utf8).write(to: directory.appendingPathComponent("schema.json"))
        func check(_ text: String) throws -> Int32 {
            let file = directory.appendingPathComponent("config-\(UUID().uuidString).yaml")
            try Data(text.utf8).write(to: file)
            let checker = (TestSupport.python as NSString).deletingLastPathComponent + "/check-jsonschema"
            return try TestSupport.shell("'\(checker)' --schemafile '\(directory.path)/schema.json' '\(file.path)'").status
        }
        #expect(try check(good) == 0)
        for (mistake, text) in bad.sorted(by: { $0.key < $1.key }) {
            #expect(text != good, "the \(mistake) edit did not apply")
            #expect(try check(text) != 0, "the schema accepted a config with a \(mistake)")
            #expect(throws: (any Error).self, "the Swift decoder accepted a \(mistake)") {
                try AppConfig.decode(yaml: text)
            }
        }
    }
}

/// Every document of every environment is written by the direct YAML writer (and, through the
/// snapshot tests, byte for byte what libyaml wrote when the snapshots were recorded).
@Suite struct DirectYAMLCoverageTests {
    @Test func everyManifestTakesTheDirectPath() throws {
        for environment in Catalog.environments {
            for object in EnvironmentResolver.resolve(environment).objects {
                let written = try #require(BlockYAMLWriter.render(object.document), "\(environment.name) \(object.fileStem)")
                #expect(written == (try YAMLRenderer.renderWithLibyaml(object.document)))
            }
        }
    }
}
