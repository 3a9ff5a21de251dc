import Testing
@testable import InfraDSL

@Suite struct NameRulesTests {
    @Test(arguments: ["trading-engine", "a", "x1", "hft-trading-production", String(repeating: "a", count: 63)])
    func validLabels(_ name: String) {
        #expect(NameRules.dns1123LabelProblem(name) == nil)
    }

    @Test(arguments: ["", "Trading", "trading_engine", "-a", "a-", "a.b", String(repeating: "a", count: 64), "é"])
    func invalidLabels(_ name: String) {
        #expect(NameRules.dns1123LabelProblem(name) != nil)
    }

    @Test func subdomainsAllowDotsButNotEmptyParts() {
        #expect(NameRules.dns1123SubdomainProblem("config.v1") == nil)
        #expect(NameRules.dns1123SubdomainProblem("a..b") != nil)
        #expect(NameRules.dns1123SubdomainProblem("a.") != nil)
    }

    @Test func labelValues() {
        #expect(NameRules.labelValueProblem("") == nil)
        #expect(NameRules.labelValueProblem("Prod_1.x") == nil)
        #expect(NameRules.labelValueProblem("us east") != nil)
        #expect(NameRules.labelValueProblem("-x") != nil)
        #expect(NameRules.labelValueProblem(String(repeating: "v", count: 64)) != nil)
    }

    @Test func qualifiedKeys() {
        #expect(NameRules.qualifiedNameProblem("app.kubernetes.io/name") == nil)
        #expect(NameRules.qualifiedNameProblem("env") == nil)
        #expect(NameRules.qualifiedNameProblem("Bad_Prefix/name") != nil)
        #expect(NameRules.qualifiedNameProblem("a/b/c") != nil)
        #expect(NameRules.qualifiedNameProblem("prefix/") != nil)
    }
}
