import CustomResources
import Foundation
import InfraDSL
import KubernetesAPI
import Testing
import TestSupport
@testable import Environments

/// Staging and production make every Secret their workloads read, from the secrets the Terraform
/// root module creates, reading as the role it creates: checked end to end on the generated files.
@Suite struct SecretDeliveryTests {
    typealias ExternalSecret = ExternalSecretsV1beta1.ExternalSecret
    typealias SecretStore = ExternalSecretsV1beta1.SecretStore

    /// The Secrets a workload of `environment` reads, by volume or environment variable, and those
    /// other objects name (an AlertmanagerConfig's Slack webhook).
    static func secretsRead(_ environment: Environment) -> Set<String> {
        var names: Set<String> = []
        for resource in environment.resources {
            guard let relations = (resource as? APIObject<MonitoringV1alpha1.AlertmanagerConfig>)?.object else { continue }
            names.formUnion(relations.referencedObjects.filter { $0.object.kind == "Secret" }.map(\.object.name))
        }
        for case let workload as any Workload in environment.resources {
            for volume in workload.template.volumes {
                if case .secret(let name, _) = volume.source { names.insert(name) }
            }
            for container in workload.template.containers {
                for variable in container.env {
                    if case .secretKey(let secret, _) = variable.source { names.insert(secret) }
                }
            }
        }
        return names
    }

    static func objects<Object: KubernetesObject>(_ type: Object.Type, in environment: Environment) -> [Object] {
        environment.resources.compactMap { ($0 as? APIObject<Object>)?.object }
    }

    @Test(arguments: [Staging.name, Production.name])
    func everySecretReadIsMadeByAnExternalSecretFromASecretTerraformCreates(_ name: String) throws {
        let parsed = try InfrastructureModuleTests.Parsed(name)
        let environment = parsed.environment
        let externalSecrets = Self.objects(ExternalSecret.self, in: environment)
        let made = Set(externalSecrets.flatMap(\.producedObjects).filter { $0.kind == "Secret" }.map(\.name))
        let read = Self.secretsRead(environment)
        #expect(read == [Common.databaseSecret, Common.cacheSecret, Monitoring.slackSecret])
        #expect(read.isSubset(of: made), "read but not made: \(read.subtracting(made))")
        #expect(!environment.contract.externalObjects.contains { $0.kind == "Secret" }, "a Secret is still declared external")

        // Each remote key is a secret the module creates (its name resolved through the tfvars), and
        // each property one that secret's JSON holds.
        var created: [String: Set<String>] = [:]
        for secret in ["database", "cache", "slack_webhook"] {
            let variable = try #require((parsed.resource("aws_secretsmanager_secret", secret)?["name"] as? String)?
                .replacingOccurrences(of: "${var.", with: "").replacingOccurrences(of: "}", with: ""))
            let secretName = try #require(parsed.values[variable] as? String)
            // A secret whose value a person sets (the Slack webhook) has no version here, and no JSON.
            let json = parsed.resource("aws_secretsmanager_secret_version", secret)?["secret_string_wo"] as? String ?? ""
            created[secretName] = Set(json.matches(of: #/([a-z_]+) = /#).map { String($0.output.1) })
        }
        for externalSecret in externalSecrets {
            for item in externalSecret.spec?.data ?? [] {
                let keys = created[item.remoteRef.key]
                #expect(keys != nil, "\(externalSecret.metadata?.name ?? "") reads \(item.remoteRef.key), which the Terraform does not create")
                if let property = item.remoteRef.property {
                    #expect(keys?.contains(property) == true, "\(item.remoteRef.key) has no property \(property)")
                } else {
                    #expect(keys?.isEmpty == true, "\(item.remoteRef.key) is JSON but is read whole")
                }
            }
        }
    }

    @Test(arguments: [Staging.name, Production.name])
    func theStoreReadsAsTheRoleTheModuleCreatesInItsRegion(_ name: String) throws {
        let parsed = try InfrastructureModuleTests.Parsed(name)
        let store = try #require(Self.objects(SecretStore.self, in: parsed.environment).first)
        let aws = try #require(store.spec?.provider.aws)
        #expect(aws.region == parsed.values["region"] as? String)
        let accountName = try #require(aws.auth?.jwt?.serviceAccountRef?.name)
        let account = try #require(parsed.environment.resources.first { $0 is ServiceAccount && $0.metadata.name == accountName })
        let roleName = try #require(parsed.resource("aws_iam_role", "secrets_reader")?["name"] as? String)
        let accountID = try #require(parsed.values["aws_account_id"] as? String)
        #expect(account.metadata.annotations["eks.amazonaws.com/role-arn"] == "arn:aws:iam::\(accountID):role/\(roleName)")
        // The role trusts exactly that service account of this namespace.
        #expect(parsed.text.contains("values   = [\"system:serviceaccount:\(parsed.environment.namespace):\(accountName)\"]"))
    }
}
