import InfraDSL
import Testing
@testable import Environments

/// Properties of our environments that the seed got wrong: quotas that admit the workloads at their
/// largest scale, and network policies that allow what the config needs.
@Suite struct EnvironmentPropertiesTests {
    /// The most replicas a workload can run: its autoscaler's maximum, else its replica count.
    private func maximumReplicas(of workload: any Workload, in environment: Environment) -> Int {
        let autoscaler = environment.resources.lazy.compactMap { $0 as? HorizontalPodAutoscaler }
            .first { $0.targetKind == type(of: workload).kind && $0.targetName == workload.metadata.name }
        return autoscaler?.maxReplicas ?? workload.replicas ?? 1
    }

    @Test(arguments: Catalog.environments.map(\.name))
    func quotaAdmitsEveryWorkloadAtItsLargestScale(_ name: String) throws {
        let environment = try #require(Catalog.environment(named: name))
        let quota = try #require(environment.resources.lazy.compactMap { $0 as? ResourceQuota }.first).hard
        var requestsCPU = CPU.millicores(0), limitsCPU = CPU.millicores(0)
        var requestsMemory = Memory.bytes(0), limitsMemory = Memory.bytes(0)
        var claims = 0
        for case let workload as any Workload in environment.resources {
            let replicas = maximumReplicas(of: workload, in: environment)
            for container in workload.template.allContainers {
                let resources = try #require(container.resources)
                requestsCPU = requestsCPU + (resources.requests.cpu ?? .millicores(0)) * replicas
                limitsCPU = limitsCPU + (resources.limits.cpu ?? .millicores(0)) * replicas
                requestsMemory = requestsMemory + (resources.requests.memory ?? .bytes(0)) * replicas
                limitsMemory = limitsMemory + (resources.limits.memory ?? .bytes(0)) * replicas
            }
            claims += workload.volumeClaimNames.count * replicas
        }
        // Every environment's quota bounds all five; an absent bound would let this test pass on nothing.
        let quotaRequestsCPU = try #require(quota.requestsCPU, "the quota sets no requests.cpu")
        let quotaLimitsCPU = try #require(quota.limitsCPU, "the quota sets no limits.cpu")
        let quotaRequestsMemory = try #require(quota.requestsMemory, "the quota sets no requests.memory")
        let quotaLimitsMemory = try #require(quota.limitsMemory, "the quota sets no limits.memory")
        let quotaClaims = try #require(quota.persistentVolumeClaims, "the quota sets no persistentvolumeclaims")
        #expect(requestsCPU <= quotaRequestsCPU, "requests.cpu \(requestsCPU) > \(quotaRequestsCPU)")
        #expect(limitsCPU <= quotaLimitsCPU, "limits.cpu \(limitsCPU) > \(quotaLimitsCPU)")
        #expect(requestsMemory <= quotaRequestsMemory, "requests.memory \(requestsMemory) > \(quotaRequestsMemory)")
        #expect(limitsMemory <= quotaLimitsMemory, "limits.memory \(limitsMemory) > \(quotaLimitsMemory)")
        #expect(claims <= quotaClaims, "claims \(claims) > \(quotaClaims)")
    }

    @Test func theSeedsProductionQuotaWouldNotHaveAdmittedTwentyEngines() {
        let engine = Production.stage.config.resources
        let seedRequestsCPU = CPU.cores(64)
        #expect(engine.cpu.request * Production.stage.config.deployment.maximumReplicas > seedRequestsCPU)
    }

    @Test(arguments: Catalog.names)
    func engineEgressCoversEveryDependencyPort(_ name: String) throws {
        let stage = try #require(Catalog.stage(named: name))
        let egress = Isolation.engineEgress(stage)
        let allowedPorts = Set(egress.rules.flatMap(\.ports).compactMap { $0.port?.portNumber?.number })
        #expect(allowedPorts.contains(stage.config.database.port.number))
        for endpoint in stage.config.redis.endpoints { #expect(allowedPorts.contains(endpoint.port)) }
        #expect(allowedPorts.contains(443) == stage.config.network.externalHTTPS)
        let dns = Isolation.dnsEgress().rules.flatMap(\.ports).map(\.transport)
        #expect(Set(dns) == [.udp, .tcp])
    }

    @Test func namespacesAreSelectedByTheLabelKubernetesSets() {
        let policies = Catalog.stages(with: .current).flatMap(Isolation.policies)
        for rule in policies.flatMap(\.rules) {
            for peer in rule.peers {
                switch peer {
                case .namespaces(let selector), .podsInNamespaces(_, let selector):
                    #expect(selector.matchLabels.pairs.map(\.key) == ["kubernetes.io/metadata.name"])
                case .pods, .ipBlock:
                    break
                }
            }
        }
    }
}
