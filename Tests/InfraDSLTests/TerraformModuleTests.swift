import Foundation
import Testing
import TestSupport
@testable import InfraDSL

/// Terraform root modules written in Swift: their rendering, python-hcl2 reading them back, and the
/// reference check that stands in for `terraform validate`.
@Suite struct TerraformModuleTests {
    static let region = TerraformVariable("region", type: .string, description: "The region.", value: "us-east-1")
    static let size = TerraformVariable.integer("size", in: 1...10, description: "How many.", value: 2)

    static func module(_ blocks: [TerraformBlock], outputs: [TerraformOutput] = []) -> TerraformModule {
        TerraformModule(
            providers: [TerraformProvider("aws", source: "hashicorp/aws", version: "~> 5.80") { HCLAttribute("region", region.reference) }],
            variables: [region, size], blocks: blocks, outputs: outputs)
    }

    @Test func rendersTheTerraformBlockProvidersBlocksSkipsAndOutputs() {
        let key = TerraformBlock.resource("aws_kms_key", "data") {
            HCLAttribute("enable_key_rotation", true)
        }
        .skipping("CKV2_AWS_64", because: "the default policy")
        let text = Self.module([key], outputs: [TerraformOutput("key_arn", key["arn"], description: "The key.", sensitive: true)]).rendered(header: ["header"])
        #expect(text == """
            # header

            terraform {
              required_version = ">= 1.6.0"
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = "~> 5.80"
                }
              }
            }

            provider "aws" {
              region = var.region
            }

            resource "aws_kms_key" "data" {
              # checkov:skip=CKV2_AWS_64: the default policy
              enable_key_rotation = true
            }

            output "key_arn" {
              description = "The key."
              value       = aws_kms_key.data.arn
              sensitive   = true
            }

            """)
    }

    @Test func aModuleWhoseReferencesAllResolveHasNoProblems() {
        let vpc = TerraformBlock.data("aws_vpc", "main") { HCLAttribute("tags", .object([HCLAttribute("Name", "x")])) }
        let password = TerraformBlock.ephemeral("aws_secretsmanager_random_password", "p") { HCLAttribute("password_length", 32) }
        let group = TerraformBlock.resource("aws_security_group", "data") {
            HCLAttribute("vpc_id", vpc["id"])
            HCLAttribute("secret_wo", password["random_password"])
            HCLAttribute.expression("count", "var.size")
            HCLAttribute.expression("name", "format(\"data-%d-%s\", count.index, var.region)")
            HCLAttribute.expression("description", "\"in ${var.region}: ${upper(\"x.y\")}\"")
            HCLAttribute.expression("tags", "{ for key, value in { a = var.region } : key => value }")
            HCLBlock("dynamic", labels: ["ingress"]) {
                HCLAttribute.expression("for_each", "var.size")
                HCLBlock("content") { HCLAttribute.expression("from_port", "ingress.value") }
            }
        }
        let module = Self.module([vpc, password, group], outputs: [TerraformOutput("ids", .expression("[for g in aws_security_group.data : g.id]"), description: "ids")])
        #expect(module.problems == [])
    }

    @Test func everyUndeclaredReferenceIsAProblemAtTheLineOfItsBlock() throws {
        let line = UInt(#line) + 1
        let database = TerraformBlock.resource("aws_db_instance", "main") {
            HCLAttribute.expression("instance_class", "var.instance_class")
            HCLAttribute.expression("kms_key_id", "aws_kms_key.data.arn")
            HCLAttribute("vpc_security_group_ids", .list([.expression("data.aws_security_group.nodes.id")]))
            HCLAttribute.expression("name", "\"db-${random_id.suffix.hex}\"")
            HCLAttribute.expression("password_wo", "ephemeral.aws_secretsmanager_random_password.db.random_password")
        }
        let output = TerraformOutput("endpoint", .expression("aws_db_instance.primary.address"), description: "Where.")
        let problems = Self.module([database], outputs: [output]).problems
        #expect(problems.map(\.message) == [
            "aws_db_instance.main refers to var.instance_class, which the module does not declare",
            "aws_db_instance.main refers to aws_kms_key.data.arn, which the module does not declare",
            "aws_db_instance.main refers to data.aws_security_group.nodes.id, which the module does not declare",
            "aws_db_instance.main refers to random_id.suffix.hex, which the module does not declare",
            "aws_db_instance.main refers to ephemeral.aws_secretsmanager_random_password.db.random_password, which the module does not declare",
            "output endpoint refers to aws_db_instance.primary.address, which the module does not declare",
        ])
        #expect(problems.first?.location == SourceLocation(#filePath, line))
    }

    @Test func twoBlocksWithOneAddressAreAProblem() {
        let first = TerraformBlock.resource("random_password", "db") { HCLAttribute("length", 32) }
        let second = TerraformBlock.resource("random_password", "db") { HCLAttribute("length", 16) }
        #expect(Self.module([first, second]).problems.map(\.message) == ["random_password.db is declared twice"])
    }

    @Test func anEnvironmentWithABrokenModuleFailsAtTheBlocksLineAndWritesNothing() throws {
        let line = UInt(#line) + 1
        let broken = TerraformBlock.resource("aws_kms_alias", "data") { HCLAttribute.expression("target_key_id", "aws_kms_key.data.key_id") }
        let environment = Environment("test", namespace: "test") {
            Artifact("terraform/main.tf", .terraform(Self.module([broken]), header: []))
        }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try Generator.generate([environment], into: OutputDirectory(root: directory))
        } throws: { error in
            let text = "\(error)"
            return text.contains("aws_kms_alias.data refers to aws_kms_key.data.key_id") && text.contains("TerraformModuleTests.swift:\(line)")
        }
        #expect(TestSupport.tree(at: directory).isEmpty)
    }

    @Test func pythonHCL2ReadsTheModule() throws {
        let key = TerraformBlock.resource("aws_kms_key", "data") {
            HCLAttribute("description", "a \"quoted\" ${literal}")
            HCLAttribute.expression("policy", "jsonencode({ Version = \"2012-10-17\" })")
        }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("main.tf")
        try Data(Self.module([key]).rendered().utf8).write(to: file)
        let parsed = try #require(try TestSupport.parseHCL([file.path])[file.path] as? [String: Any])
        let resources = try #require(parsed["resource"] as? [[String: Any]])
        let body = try #require((resources.first?["aws_kms_key"] as? [String: Any])?["data"] as? [String: Any])
        #expect(body["description"] as? String == "a \"quoted\" ${literal}")
        #expect((parsed["terraform"] as? [[String: Any]])?.first?["required_version"] as? String == ">= 1.6.0")
    }
}
