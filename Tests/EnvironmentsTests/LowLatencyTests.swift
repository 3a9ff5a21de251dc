import Foundation
@testable import InfraDSL
import KubernetesAPI
import Testing
@testable import Environments

/// The performance section as pod spec and node pools: the kubelet files decode strictly, agree with
/// the pods they are for, and the config rules refuse a performance section the pods cannot honour.
@Suite struct LowLatencyTests {
    /// The rendered files of staging and production, by path.
    private func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for environment in try Generator.renderAll([Staging.stage.environment, Production.stage.environment]) {
            for file in environment.files { files[file.path] = file.contents }
        }
        return files
    }

    @Test(arguments: ["staging", "production"])
    func nodePoolsDecodeStrictlyAndAgreeWithTheEnginePods(_ name: String) throws {
        let files = try files()
        let stage = try #require([Staging.stage, Production.stage].first { $0.name == name })
        let performance = try #require(stage.config.performance)
        let template = TradingEngine.podTemplate(stage)
        let engine = try #require(template.containers.first)
        let poolFiles = files.keys.filter { $0.hasPrefix("\(name)/nodes/") && $0.hasSuffix("/kubelet-config.yaml") }.sorted()
        #expect(poolFiles.count == stage.nodePools.count)
        for path in poolFiles {
            let kubelet = try StrictYAMLDecoder().decode(KubeletConfiguration.self, from: try #require(files[path]))
            let description = try #require(files[path.replacingOccurrences(of: "kubelet-config.yaml", with: "node-pool.yaml")])
            let pool = try StrictYAMLDecoder().decode(PoolFile.self, from: description)
            #expect(kubelet.cpuManagerPolicy == "static" && kubelet.topologyManagerPolicy == "single-numa-node" && kubelet.memoryManagerPolicy == "Static")
            // The pods select the pool's labels and tolerate its taints.
            for (key, value) in pool.labels where key != "node.kubernetes.io/instance-type" {
                #expect(template.nodeSelector[key] == value, "\(path): the pods do not select \(key)=\(value)")
            }
            for taint in pool.taints { #expect(template.tolerations.contains { $0.tolerates(taint) }, "\(path): \(taint) not tolerated") }
            // The node reserves at least the huge pages one engine requests (one engine per node).
            let hugePages = try #require(engine.resources?.limits.hugePages2Mi)
            #expect(Int64(pool.hugePages2MiPerNode) << 21 >= hugePages.bytes)
            #expect(performance.hugePagesMemory == hugePages)
            // What the kubelet keeps for the system leaves room for the engine's exclusive CPUs.
            let vcpus = try #require(stage.nodePools.first { $0.name == pool.name }).vcpus
            let reserved = try #require(CPUList(kubelet.reservedSystemCPUs)).cpus.count
            let cpus = try #require(engine.resources?.limits.cpu).millicores / 1000
            #expect(vcpus - reserved >= cpus, "\(path): \(vcpus) vCPUs, \(reserved) reserved, the engine needs \(cpus)")
            #expect(cpus >= performance.cpusNeeded ?? .max)
            // Every sysctl the pod sets outside the safe set is allowed.
            for sysctl in template.securityContext?.sysctls ?? [] where !LowLatency.safeSysctls.contains(sysctl.name) {
                #expect(kubelet.allowedUnsafeSysctls?.contains(sysctl.name) == true, "\(path): \(sysctl.name) is not allowed")
            }
        }
    }

    /// `node-pool.yaml` as its reader sees it.
    private struct PoolFile: Codable {
        let name: String, instanceType: String, nodes: Int, labels: [String: String], taints: [Taint], hugePages2MiPerNode: Int
    }

    @Test func aKubeletFileThatCannotStartOrHasAnUnknownFieldIsRejected() throws {
        let text = try #require(try files()["production/nodes/high-performance-4xl/kubelet-config.yaml"])
        #expect(throws: StrictYAMLDecoder.Failure.self) {
            try StrictYAMLDecoder().decode(KubeletConfiguration.self, from: text.replacingOccurrences(of: "memory: 2548Mi", with: "memory: 2Gi"))
        }
        #expect(throws: StrictYAMLDecoder.Failure.self) {
            try StrictYAMLDecoder().decode(KubeletConfiguration.self, from: text + "cpuManagerPolicyOption: {}\n")
        }
    }

    @Test func developmentRunsWithoutAnyOfIt() throws {
        let stage = Development.stage
        #expect(stage.config.performance == nil)
        #expect(LowLatency.requirements(stage.config, pods: stage.engineSelector).isEmpty)
        #expect(TradingEngine.podTemplate(stage).tolerations.isEmpty)
        #expect(try files().keys.contains { $0.hasPrefix("development/nodes/") } == false)
    }

    @Test func aPerformanceSectionThePodCannotHonourIsAConfigError() throws {
        var config = try #require(Catalog.configs["production"])
        config.resources.cpu.request = .cores(4)
        config.performance?.cpuAffinity = "0-11"
        config.performance?.hugePagesMemory = .mi(3)
        #expect(config.constraintViolations().map(\.field) == ["performance.huge_pages_memory", "resources.cpu.request", "performance.cpu_affinity"])
    }

    @Test func everyStagingAndProductionNeedIsInTheContract() {
        for stage in [Staging.stage, Production.stage] {
            let settings = LowLatency.requirements(stage.config, pods: stage.engineSelector).map(\.setting)
            #expect(settings == ["performance.cpu_affinity", "performance.numa_node", "performance.thread_priority", "performance.huge_pages"], "\(stage.name)")
        }
    }
}
