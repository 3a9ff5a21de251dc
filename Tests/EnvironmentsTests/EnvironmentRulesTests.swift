import Environments
import InfraDSL
import Testing

/// Properties every one of our environments must have, whatever its values.
@Suite struct EnvironmentRulesTests {
    @Test(arguments: Catalog.environments.map(\.name))
    func rendersWithoutErrorsOrWarnings(_ name: String) throws {
        let environment = try #require(Catalog.environment(named: name))
        let rendered = try EnvironmentRenderer.render(environment)
        #expect(rendered.warnings.isEmpty, "\(rendered.warnings.map(\.description))")
    }

    @Test(arguments: Catalog.environments.map(\.name))
    func neverPatchesAGeneratedObject(_ name: String) throws {
        let environment = try #require(Catalog.environment(named: name))
        #expect(environment.resources.allSatisfy { $0.patchLocations.isEmpty })
    }

    @Test(arguments: Catalog.environments.map(\.name))
    func workloadsRequestNoMoreThanTheirLimits(_ name: String) throws {
        let environment = try #require(Catalog.environment(named: name))
        for case let workload as any Workload in environment.resources {
            for container in workload.template.allContainers {
                let resources = try #require(container.resources, "\(workload.identity)/\(container.name) sets no resources")
                #expect(resources.requests.cpu != nil && resources.limits.memory != nil)
            }
        }
    }
}
