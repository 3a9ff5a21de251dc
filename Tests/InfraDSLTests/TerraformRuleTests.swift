import Testing
@testable import InfraDSL

/// Terraform validation rules: the HCL condition each writes, the verdict each gives in Swift on
/// values Terraform accepts and rejects, and a `.tfvars` value that breaks a rule stopping the
/// render at the variable's Swift line.
@Suite struct TerraformRuleTests {
    @Test func conditionsAreTheHCLTerraformEvaluates() {
        #expect(TerraformRule.oneOf(["a", "b\"c"]).condition(for: "env") == #"contains(["a", "b\"c"], var.env)"#)
        #expect(TerraformRule.wholeNumber(1...5).condition(for: "n") == "var.n >= 1 && var.n <= 5 && floor(var.n) == var.n")
        #expect(TerraformRule.cidrBlock.condition(for: "net") == "can(cidrhost(var.net, 0))")
        #expect(TerraformRule.pattern(#"^15\.[0-9]+$"#).condition(for: "v") == #"can(regex("^15\\.[0-9]+$", var.v))"#)
        #expect(TerraformRule.minimumLength(16).condition(for: "p") == "length(var.p) >= 16")
    }

    @Test(arguments: [
        (TerraformRule.oneOf(["staging", "production"]), HCLValue.string("production"), true),
        (.oneOf(["staging", "production"]), .string("production-dr"), false),
        (.oneOf(["staging", "production"]), .string("Production"), false),
        (.wholeNumber(1...35), .number(35), true),
        (.wholeNumber(1...35), .number(36), false),
        (.wholeNumber(1...35), .number(0), false),
        (.cidrBlock, .string("10.0.64.0/20"), true),
        (.cidrBlock, .string("10.0.64.7/32"), true),
        (.cidrBlock, .string("fd00:10::/48"), true),
        (.cidrBlock, .string("10.0.64.0/33"), false),
        (.cidrBlock, .string("10.0.64/20"), false),
        (.cidrBlock, .string("10.0.64.0"), false),
        (.cidrBlock, .string("256.0.0.0/8"), false),
        // Terraform's regex searches: an anchor is what makes it a prefix test.
        (.pattern(#"^15\.[0-9]+$"#), .string("15.5"), true),
        (.pattern(#"^15\.[0-9]+$"#), .string("15.x"), false),
        (.pattern(#"^15\.[0-9]+$"#), .string("115.5"), false),
        (.pattern(#"db\."#), .string("rds-db.r6g"), true),
        (.pattern(#"^db\."#), .string("rds-db.r6g"), false),
        (.minimumLength(16), .string(String(repeating: "x", count: 16)), true),
        (.minimumLength(16), .string(String(repeating: "x", count: 15)), false),
        // A value of the wrong kind never passes.
        (.wholeNumber(1...35), .string("7"), false),
        (.oneOf(["true"]), .bool(true), false),
    ])
    func rulesDecideAsTerraformWould(_ rule: TerraformRule, _ value: HCLValue, _ holds: Bool) {
        #expect(rule.holds(for: value) == holds)
    }

    @Test func aValueTerraformWouldRejectStopsTheRenderAtItsLine() throws {
        let line = #line + 3
        let variables = [
            TerraformVariable.oneOf("environment", ["staging", "production"], description: "The environment.", value: "production"),
            .oneOf("region_role", ["primary", "standby"], description: "The region's role.", value: "dr"),
            TerraformVariable("replicas", type: .number, description: "Replicas.", value: .string("three")),
            TerraformVariable("token", type: .string, description: "Supplied at apply time.", value: nil, sensitive: true,
                              validations: [TerraformValidation(.minimumLength(16), "token must be at least 16 characters.")]),
        ]
        let environment = Environment("test", namespace: "test-ns") {
            Artifact("terraform/test.tfvars", .tfvars(variables, header: []))
        }
        let errors = Fixtures.errors(environment).map { "\($0.location.path):\($0.location.line) \($0.resourcePath): \($0.message)" }
        #expect(errors == [
            "Tests/InfraDSLTests/TerraformRuleTests.swift:\(line) test/file/terraform/test.tfvars/region_role: region_role: the value \"dr\" fails its validation: region_role must be one of primary, standby.",
            "Tests/InfraDSLTests/TerraformRuleTests.swift:\(line + 1) test/file/terraform/test.tfvars/replicas: replicas: the value \"three\" is not a number",
        ])
    }
}
