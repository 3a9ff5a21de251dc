import Foundation
@testable import InfraDSL
import Testing
@testable import Environments

/// Mistakes in a value an environment sets are reported at the line that set it, not at the shared
/// builder that used it: here, production's settings changed in this file, each finding at its line.
@Suite struct ValueLineTests {
    /// The errors of production rendered with `settings` and `quota`.
    private func errors(_ settings: EnvironmentSettings, quota: ResourceQuota.Hard = Production.quota) -> [Diagnostic] {
        do {
            _ = try EnvironmentRenderer.render(Production.stage(with: .current, settings: settings, quota: quota).environment)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test func aRequestAboveItsLimitIsReportedWhereTheResourcesWereWritten() {
        var settings = Production.settings
        let line = #line + 1
        settings.resources = ResourcesConfig(cpu: .init(request: .cores(9), limit: .cores(8)), memory: .init(request: .gi(16), limit: .gi(16)))
        let found = errors(settings)
        #expect(found.map(\.check).sorted() == ["config", "config", "requests-above-limits"], "\(found.map(\.description))")
        for finding in found {
            #expect(finding.location.description == "Tests/EnvironmentsTests/ValueLineTests.swift:\(line)", "\(finding)")
        }
        #expect(found.contains { $0.message == "cpu request 9 is above its limit 8; Kubernetes rejects the pod" })
    }

    @Test func aPerformanceSettingThePodCannotHaveIsReportedWhereItWasWritten() {
        var settings = Production.settings
        let line = #line + 1
        settings.performance = PerformanceConfig(cpuAffinity: "0-11", threadPriority: .high, hugePages: true, hugePagesMemory: .gi(1), numaNode: 0)
        let found = errors(settings)
        let config = found.filter { $0.check == "config" }
        #expect(config.map(\.message) == ["performance.cpu_affinity: names 12 CPUs but the container is limited to 8"])
        #expect(config.first?.location.description == "Tests/EnvironmentsTests/ValueLineTests.swift:\(line)")
        // The pods cannot honour it either: the performance check says so where the resources
        // they were given were written (production's own file).
        let performance = found.filter { $0.check == "performance" }
        #expect(performance.map(\.message) == ["performance.cpu_affinity cannot be honoured: container trading-engine is limited to 8 CPU but needs 12 CPUs of its own"])
        #expect(performance.first?.location.path == "Sources/Environments/Production.swift")
    }

    @Test func aQuotaTooSmallForTheLargestScaleIsReportedWhereItWasWritten() throws {
        let line = #line + 1
        let quota = ResourceQuota.Hard(requestsCPU: .cores(100), requestsMemory: .gi(384), limitsCPU: .cores(192), limitsMemory: .gi(384), persistentVolumeClaims: 20)
        let found = errors(Production.settings, quota: quota)
        #expect(found.map(\.check) == ["capacity"], "\(found.map(\.description))")
        let finding = try #require(found.first)
        #expect(finding.location.description == "Tests/EnvironmentsTests/ValueLineTests.swift:\(line)")
        #expect(finding.message.contains("requests.cpu"), "\(finding.message)")
        // As it is, production's quota is its own value, written in its own file.
        let production = EnvironmentResolver.resolve(Production.stage.environment).objects.map(\.resource)
        let written = try #require(production.first { $0 is ResourceQuota }).location
        #expect(written.path == "Sources/Environments/Production.swift")
    }

    @Test func productionAsItIsHasNoErrors() {
        #expect(errors(Production.settings).isEmpty)
    }
}
