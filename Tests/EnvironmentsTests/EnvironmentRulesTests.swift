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
                let label = "\(workload.identity)/\(container.name)"
                let resources = try #require(container.resources, "\(label) sets no resources")
                let requestCPU = try #require(resources.requests.cpu, "\(label) requests no CPU")
                let requestMemory = try #require(resources.requests.memory, "\(label) requests no memory")
                let limitMemory = try #require(resources.limits.memory, "\(label) has no memory limit")
                #expect(requestMemory <= limitMemory, "\(label): memory request \(requestMemory) above its limit \(limitMemory)")
                // A CPU limit is optional (throttling is a choice); when set it bounds the request.
                if let limitCPU = resources.limits.cpu {
                    #expect(requestCPU <= limitCPU, "\(label): CPU request \(requestCPU) above its limit \(limitCPU)")
                }
            }
        }
    }
}
