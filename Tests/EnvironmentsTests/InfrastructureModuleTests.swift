import Foundation
import InfraDSL
import Testing
import TestSupport
@testable import Environments

/// The Terraform root module of staging and production, read back by python-hcl2: it creates what
/// the Kubernetes side points at and names what the Kubernetes side reads.
@Suite struct InfrastructureModuleTests {
    /// An environment's generated `terraform/` files, parsed.
    struct Parsed {
        let environment: Environment
        let main: [String: Any]
        let values: [String: Any]
        let text: String

        init(_ name: String) throws {
            environment = try #require(Catalog.environment(named: name))
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try Generator.generate([environment], into: OutputDirectory(root: directory))
            let main = directory.appendingPathComponent("\(name)/terraform/main.tf").path
            let values = directory.appendingPathComponent("\(name)/terraform/\(name).tfvars").path
            let parsed = try TestSupport.parseHCL([main, values])
            self.main = try #require(parsed[main] as? [String: Any])
            self.values = try #require(parsed[values] as? [String: Any])
            text = try String(contentsOfFile: main, encoding: .utf8)
        }

        /// The body of `resource "type" "name"`.
        func resource(_ type: String, _ name: String) -> [String: Any]? {
            let resources = main["resource"] as? [[String: Any]] ?? []
            return resources.lazy.compactMap { ($0[type] as? [String: Any])?[name] as? [String: Any] }.first
        }

        /// Every `resource "type" …` body.
        func resources(_ type: String) -> [[String: Any]] {
            (main["resource"] as? [[String: Any]] ?? []).flatMap { ($0[type] as? [String: Any])?.values.compactMap { $0 as? [String: Any] } ?? [] }
        }
    }

    @Test(arguments: [Staging.name, Production.name])
    func everyManagedHostTheServicesPointAtIsRegistered(_ name: String) throws {
        let parsed = try Parsed(name)
        let aliases = parsed.environment.resources.compactMap { resource -> String? in
            guard let service = resource as? Service, case .externalName(let host) = service.backend else { return nil }
            return host
        }
        #expect(aliases.count >= 2)
        let records = parsed.resources("aws_route53_record").compactMap { $0["name"] as? String }
        #expect(Set(records) == Set(aliases))
    }

    @Test(arguments: [Staging.name, Production.name])
    func theSecretsItCreatesAreTheOnesTheVariablesName(_ name: String) throws {
        let parsed = try Parsed(name)
        let stage = try #require(name == Staging.name ? Staging.stage : Production.stage)
        #expect(parsed.resource("aws_secretsmanager_secret", "database")?["name"] as? String == "${var.db_credentials_secret_name}")
        #expect(parsed.resource("aws_secretsmanager_secret", "cache")?["name"] as? String == "${var.cache_credentials_secret_name}")
        #expect(parsed.values["db_credentials_secret_name"] as? String == Infrastructure.databaseSecretName(stage))
        #expect(parsed.values["cache_credentials_secret_name"] as? String == Infrastructure.cacheSecretName(stage))
        // Generated during the run, handed only to write-only attributes: no credential is written
        // in the output, and the database password not even in the state.
        let ephemeral = (parsed.main["ephemeral"] as? [[String: Any]] ?? []).compactMap { $0["aws_secretsmanager_random_password"] as? [String: Any] }
        #expect(Set(ephemeral.flatMap(\.keys)) == ["database", "cache"])
        let database = try #require(parsed.resource("aws_db_instance", "main"))
        #expect(database["password"] == nil)
        #expect(database["password_wo"] as? String == "${ephemeral.aws_secretsmanager_random_password.database.random_password}")
        #expect(database["password_wo_version"] as? String == "${var.credentials_version}")
        #expect(parsed.resource("aws_secretsmanager_secret_version", "database")?["secret_string"] == nil)
        #expect(parsed.resource("aws_elasticache_replication_group", "main")?["auth_token"] as? String
            == "${jsondecode(data.aws_secretsmanager_secret_version.cache.secret_string).auth_token}")
    }

    /// The variables the module itself does not read, each for a reason: nothing else may be
    /// declared and left unread (a value that changes nothing).
    @Test(arguments: [Staging.name, Production.name])
    func everyVariableIsReadByTheModuleOrByThePlatform(_ name: String) throws {
        let parsed = try Parsed(name)
        let declared = Set(parsed.values.keys).subtracting(["__comments__"])
        let read = Set(parsed.text.matches(of: /var\.([a-z0-9_]+)/).map { String($0.output.1) })
        #expect(read.isSubset(of: declared), "\(read.subtracting(declared))")
        #expect(declared.subtracting(read) == [
            // Stated for the reader of the tfvars file; the tags carry it to every resource.
            "environment",
            // Read by the platform's node-group module, which creates the engine nodes.
            "engine_node_labels", "engine_node_taints", "engine_node_hugepages_2mi", "engine_node_groups",
        ])
    }

    @Test func onlyProductionsDatabaseIsProtectedFromDeletionAndStagingSaysWhy() throws {
        let production = try Parsed(Production.name), staging = try Parsed(Staging.name)
        for instance in ["main", "replica"] {
            #expect(production.resource("aws_db_instance", instance)?["deletion_protection"] as? Bool == true)
            #expect(staging.resource("aws_db_instance", instance)?["deletion_protection"] as? Bool == false)
        }
        #expect(!production.text.contains("CKV_AWS_293"))
        #expect(staging.text.components(separatedBy: "checkov:skip=CKV_AWS_293: only production's database").count == 3)
    }

    @Test func theClusterModeAndReplicasFollowTheConfig() throws {
        let production = try Parsed(Production.name)
        let config = Production.stage.config
        #expect(production.values["cache_cluster_mode_enabled"] as? Bool == true)
        #expect(production.values["cache_num_node_groups"] as? Int == config.redis.endpoints.count)
        #expect(production.values["db_read_replica_count"] as? Int == config.database.readReplicas.count)
        #expect(production.resource("aws_elasticache_replication_group", "main")?["transit_encryption_enabled"] as? Bool == config.redis.ssl)
        let parameters = production.resource("aws_db_parameter_group", "main")?["parameter"] as? [[String: Any]] ?? []
        #expect(parameters.contains { $0["name"] as? String == "rds.force_ssl" && $0["value"] as? String == "1" })
    }
}
