// The control: the same APIs used correctly compile, so a failure of the fixtures above is theirs.
import Environments
import InfraDSL
import KubernetesAPI

let http = ContainerPort("http", 8080)
let engine = StatefulSet("engine", selector: ["app": "engine"], serviceName: "engine", template: PodTemplate {
    Container("engine", image: "engine:1") { http }
        .resources(ResourceRequirements(requests: ComputeResources(cpu: .cores(1), memory: .gi(1))))
        .readinessProbe(Probe(.httpGet(path: "/health/ready", port: http)))
})
let development = Environment.development("dev", namespace: "dev") {
    LiteralSecret("database-credentials", stringData: ["password": "dev-only"])
    engine
    Service("engine", selecting: engine, ports: [ServicePort("http", 8080, targetPort: http)])
    PodDisruptionBudget("engine", protecting: engine, .minAvailable(.count(1)))
    NetworkPolicy("dns", policyTypes: [.egress]) { NetworkRule.egress(to: [.namespace(.kubeSystem)], ports: [.udp(53)]) }
    CoreV1.Secret(metadata: MetaV1.ObjectMeta(name: "generated-credentials"), stringData: ["password": "dev-only"])
}
let stagingSettings = Environment("staging", namespace: "hft-trading-staging") {
    CoreV1.ConfigMap(metadata: MetaV1.ObjectMeta(name: "settings"), data: ["mode": "fast"])
    APIObject(CoreV1.ConfigMap(metadata: MetaV1.ObjectMeta(name: "wrapped"), data: ["mode": "fast"]))
    NetworkPolicy("engine-http", policyTypes: [.ingress]) { NetworkRule.ingress(from: [.namespace(.kubeSystem)], ports: [.tcp(PortReference(http)), .tcp(8080)]) }
}

func replicas(for tier: Tier) -> Int {
    switch tier {
    case .dev: return 1
    case .staging: return 3
    case .prod: return 5
    }
}

let settings = EnvironmentSettings(
    environment: EnvironmentInfo(name: "qa", tier: .staging),
    deployment: .fixed(1),
    resources: ResourcesConfig(cpu: .init(request: .cores(1), limit: .cores(2)), memory: .init(request: .gi(1), limit: .gi(2))),
    database: DatabaseConfig(host: "db", port: 5432, database: "qa", poolSize: 5, sslMode: .require, readReplicas: []),
    redis: .standalone(host: "redis", port: 6379, db: 0, ssl: true),
    logLevel: .info, logOutput: .stdout,
    features: FeaturesConfig(debugMode: false, profiling: false, mockMarketData: false),
    externalHTTPS: false,
    performance: nil
)
let dns: NetworkPeer = .namespace(.kubeSystem)
let resources = ComputeResources(cpu: .cores(1), memory: .gi(2))
