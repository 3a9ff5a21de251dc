import InfraDSL

/// The market-data gateway: it takes the exchanges' feeds over HTTPS, normalises them and serves
/// them to the engines over TCP. The engine needs it (``TradingEngine/needs``), which puts it in
/// every environment.
enum MarketDataGateway {
    /// The normalised feed the engines read.
    static let feed = ContainerPort("feed", 7000)
    static let metrics = ContainerPort("metrics", 9102)

    static let application = Application(
        name: "market-data-gateway", repository: "registry.example.com/hft-market-data-gateway",
        ports: [feed, metrics], metricsPort: metrics, needs: [.externalHTTPS()], user: 10003,
        sizing: { tier in
            switch tier {
            case .dev:
                Application.Sizing(minReplicas: 1, maxReplicas: 1, minimumUp: nil, resources: resources(cpu: .millicores(250), memory: .mi(512)))
            case .staging:
                Application.Sizing(minReplicas: 2, maxReplicas: 4, minimumUp: 1, resources: resources(cpu: .cores(1), memory: .gi(1)))
            case .prod:
                Application.Sizing(minReplicas: 3, maxReplicas: 6, minimumUp: 2, resources: resources(cpu: .cores(2), memory: .gi(2)))
            }
        })

    /// Requests equal to limits: the gateway's latency is the engines'.
    private static func resources(cpu: CPU, memory: Memory) -> ResourceRequirements {
        ResourceRequirements(requests: ComputeResources(cpu: cpu, memory: memory), limits: ComputeResources(cpu: cpu, memory: memory))
    }
}
