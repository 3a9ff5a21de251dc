import Dispatch
import Foundation
import InfraDSL
import Synchronization

/// Renders the benchmark workload: N services (each a Deployment or StatefulSet, a Service, a
/// ConfigMap, an autoscaler and a NetworkPolicy) in three environments sharing one base, about 15·N
/// objects, and writes them like `gen` does, in either layout (`gen --layout files|stream`).
/// Usage: bench-gen SERVICES OUTPUT_DIR [files|stream]
let arguments = CommandLine.arguments
guard (3...4).contains(arguments.count), let count = Int(arguments[1]),
    let layout = arguments.count == 4 ? ManifestLayout(rawValue: arguments[3]) : .files
else {
    FileHandle.standardError.write(Data("usage: bench-gen SERVICES OUTPUT_DIR [files|stream]\n".utf8))
    exit(2)
}

let tiers: [(name: String, replicas: Int)] = [("development", 1), ("staging", 2), ("production", 3)]

@Sendable func service(_ index: Int, replicas: Int, tag: String) -> [any Resource] {
    let name = "svc-\(index)"
    let http = ContainerPort("http", 8080)
    let labels: Labels = ["app": .init(name)]
    let template = PodTemplate {
        Container("app", image: "registry.example.com/bench/app:\(tag)") {
            EnvVar("SERVICE_NAME", name)
            EnvVar("LOG_LEVEL", "info")
            EnvVar("UPSTREAM", "svc-\(max(index - 1, 0))")
            EnvVar("POD_NAME", from: .field(path: "metadata.name"))
            EnvVar("API_TOKEN", from: .secretKey(secret: "bench-credentials", key: "token"))
            http
            VolumeMount("config", at: "/etc/app", readOnly: true)
        }
        .resources(ResourceRequirements(
            requests: ComputeResources(cpu: .millicores(100), memory: .mi(128)),
            limits: ComputeResources(cpu: .millicores(500), memory: .mi(256))))
        .livenessProbe(Probe(.httpGet(path: "/healthz", port: http), initialDelay: 10, period: 10))
        .readinessProbe(Probe(.httpGet(path: "/ready", port: http), initialDelay: 5, period: 5))
        .securityContext(.restricted(runAsUser: 1000))
        Volume("config", .configMap("\(name)-config"))
    }
    let workload: any Workload = index.isMultiple(of: 2)
        ? Deployment(name, selector: labels, replicas: replicas, template: template)
        : StatefulSet(name, selector: labels, serviceName: name, replicas: replicas, template: template)
    let service: Service = if let deployment = workload as? Deployment {
        Service(name, selecting: deployment, ports: [ServicePort("http", 80, targetPort: http)])
    } else {
        Service(name, selecting: workload as! StatefulSet, ports: [ServicePort("http", 80, targetPort: http)], headless: true)
    }
    let autoscaler = if let deployment = workload as? Deployment {
        HorizontalPodAutoscaler(name, scaling: deployment, minReplicas: 1, maxReplicas: 10, metrics: [.cpuUtilization(70)])
    } else {
        HorizontalPodAutoscaler(name, scaling: workload as! StatefulSet, minReplicas: 1, maxReplicas: 10, metrics: [.cpuUtilization(70)])
    }
    let policy = NetworkPolicy(name, podSelector: LabelSelector(matchLabels: labels), policyTypes: [.ingress]) {
        NetworkRule.ingress(from: [.pods(LabelSelector(matchLabels: ["app": .init("svc-\(index + 1)")]))], ports: [.tcp(8080)])
    }
    let config = ConfigMap("\(name)-config", data: ["service.name": .init(name), "timeout.ms": "250", "upstream": .init("svc-\(max(index - 1, 0))")])
    return [workload, service, config, autoscaler, policy]
}

let buildStart = Date()
// The environments' services are independent values: they are made on every core, in slices of
// each environment (three environments on two cores would leave one core idle for a third of the
// time), as a catalog of many environments would be; each environment is then written with its
// services in order.
let slices = 8
let sliceTasks = tiers.indices.flatMap { tier in (0..<slices).map { (tier: tier, range: (count * $0 / slices)..<(count * ($0 + 1) / slices)) } }
let parts = Mutex<[[any Resource]]>(Array(repeating: [], count: sliceTasks.count))
DispatchQueue.concurrentPerform(iterations: sliceTasks.count) { index in
    let task = sliceTasks[index]
    let tier = tiers[task.tier]
    let resources = task.range.flatMap { service($0, replicas: tier.replicas, tag: tier.name) }
    parts.withLock { $0[index] = resources }
}
let services = parts.withLock { $0 }
let assembled = Mutex<[Environment?]>(Array(repeating: nil, count: tiers.count))
DispatchQueue.concurrentPerform(iterations: tiers.count) { tier in
    let environment = Environment(tiers[tier].name, namespace: "bench-\(tiers[tier].name)") {
        for slice in services[(tier * slices)..<((tier + 1) * slices)] { slice }
    }
    .labeled(["env": .init(tiers[tier].name)])
    .contract(EnvironmentContract(externalObjects: [.init(kind: "Secret", name: "bench-credentials", reason: "benchmark")]))
    assembled.withLock { $0[tier] = environment }
}
let environments = assembled.withLock { $0.compactMap { $0 } }
if ProcessInfo.processInfo.environment["BENCH_PHASES"] != nil {
    FileHandle.standardError.write(Data("build \(Date().timeIntervalSince(buildStart)) s\n".utf8))
}
do {
    let phases = ProcessInfo.processInfo.environment["BENCH_PHASES"] != nil
    let start = Date()
    let rendered = try Generator.renderAll(environments, layout: layout)
    let renderedAt = Date()
    let directory = OutputDirectory(root: URL(fileURLWithPath: arguments[2]))
    try Generator.write(rendered, into: directory)
    if phases {
        FileHandle.standardError.write(Data("render \(renderedAt.timeIntervalSince(start)) s, write \(Date().timeIntervalSince(renderedAt)) s\n".utf8))
    }
    print(rendered.map(\.files.count).reduce(0, +))
    // Like any short-lived command, leave freeing the rendered objects to the operating system
    // (without the extended lifetime, they are released after their last use, before `exit`).
    withExtendedLifetime((environments, rendered)) { exit(0) }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
