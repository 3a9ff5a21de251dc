import Foundation
import Testing
@testable import InfraDSL

@Suite struct DiagnosticReportTests {
    let diagnostics = [
        Diagnostic(severity: .error, check: "capacity", message: "too \"big\"", resourcePath: "prod/ResourceQuota/q", location: SourceLocation(path: "Sources/Environments/Production.swift", line: 42)),
        Diagnostic(severity: .warning, check: "parity", message: "new kind", resourcePath: "prod/PriorityClass/p", location: SourceLocation(path: "manifests/p.yaml", line: 3)),
    ]

    @Test func jsonCarriesEveryFieldMachinesNeed() throws {
        let json = DiagnosticReport.render(diagnostics, as: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed[0]["severity"] as? String == "error")
        #expect(parsed[0]["check"] as? String == "capacity")
        #expect(parsed[0]["message"] as? String == "too \"big\"")
        #expect(parsed[0]["resource"] as? String == "prod/ResourceQuota/q")
        #expect(parsed[0]["file"] as? String == "Sources/Environments/Production.swift")
        #expect(parsed[0]["line"] as? Int == 42)
        #expect(parsed[1]["file"] as? String == "manifests/p.yaml")
    }

    @Test func textIsCompilerStyle() {
        #expect(DiagnosticReport.render(diagnostics, as: .text).hasPrefix(
            "Sources/Environments/Production.swift:42: error: [capacity] too \"big\" (at prod/ResourceQuota/q)\n"))
        #expect(DiagnosticReport.summary(diagnostics) == "1 error(s), 1 warning(s)")
    }
}
