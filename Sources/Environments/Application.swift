import InfraDSL

/// A service of the trading system, other than the engine, as one value. From it follow, in every
/// environment, its Deployment, Service, autoscaler, disruption budget and service account; the
/// network allowances on both ends of each call (the caller's egress, the callee's ingress); its
/// part of the contract the checks hold the environment to; the deploy identity's permission to
/// roll it out; and its image, pinned per environment in `ImagePins+Current.swift`.
///
/// An application joins the system by being needed: listing it in ``TradingEngine/needs`` (or in
/// another application's needs) is the one line that adds it everywhere.
struct Application: Sendable {
    /// What an application connects to, and the line that says so (where a finding about the
    /// connection points).
    struct Need: Sendable {
        enum Target: Sendable {
            case application(Application, port: ContainerPort)
            case externalHTTPS
        }

        let target: Target
        let location: SourceLocation

        /// Another application, on one of the ports it serves.
        static func application(_ callee: Application, port: ContainerPort, file: StaticString = #filePath, line: UInt = #line) -> Need {
            Need(target: .application(callee, port: port), location: SourceLocation(file, line))
        }

        /// Any public address over HTTPS.
        static func externalHTTPS(file: StaticString = #filePath, line: UInt = #line) -> Need {
            Need(target: .externalHTTPS, location: SourceLocation(file, line))
        }
    }

    /// How big it runs in one tier.
    struct Sizing: Sendable {
        let minReplicas: Int
        let maxReplicas: Int
        /// How many pods must stay up through a voluntary disruption; nil for no budget.
        let minimumUp: Int?
        let resources: ResourceRequirements
    }

    let name: String
    /// The image repository; the pin adds the tag and digest.
    let repository: String
    /// The ports it serves (the first is probed).
    let ports: [ContainerPort]
    /// The port Prometheus scrapes, one of `ports`.
    let metricsPort: ContainerPort?
    /// The ports the cluster's ingress controller may reach (what is served outside the cluster),
    /// some of `ports`; none by default.
    let exposed: [ContainerPort]
    let needs: [Need]
    /// The user its container runs as.
    let user: Int
    let sizing: @Sendable (Tier) -> Sizing
    /// Where the application was written: findings about it point here.
    let location: SourceLocation

    init(
        name: String, repository: String, ports: [ContainerPort], metricsPort: ContainerPort?, exposed: [ContainerPort] = [], needs: [Need], user: Int,
        sizing: @escaping @Sendable (Tier) -> Sizing, file: StaticString = #filePath, line: UInt = #line
    ) {
        self.name = name
        self.repository = repository
        self.ports = ports
        self.metricsPort = metricsPort
        self.exposed = exposed
        self.needs = needs
        self.user = user
        self.sizing = sizing
        location = SourceLocation(file, line)
    }

    /// Where every application serves its metrics.
    static let metricsPath = "/metrics"

    /// The selector of its pods in an environment.
    func selector(_ stage: Stage) -> Labels { [Common.appLabel: .init(name), "env": .init(stage.name)] }

    /// The applications it needs, with the port of each call.
    var calls: [(callee: Application, port: ContainerPort, location: SourceLocation)] { Self.calls(in: needs) }

    /// The application calls among `needs`, each with the line that declared it.
    static func calls(in needs: [Need]) -> [(callee: Application, port: ContainerPort, location: SourceLocation)] {
        needs.compactMap { need in
            if case .application(let callee, let port) = need.target { (callee, port, need.location) } else { nil }
        }
    }

    var needsExternalHTTPS: Bool {
        needs.contains { if case .externalHTTPS = $0.target { true } else { false } }
    }
}

extension Application {
    /// Every application reachable through `needs`, each once, callees after their callers.
    static func closure(of needs: [Need]) -> [Application] {
        var found: [Application] = []
        var pending = calls(in: needs).map(\.callee)
        while !pending.isEmpty {
            let next = pending.removeFirst()
            guard !found.contains(where: { $0.name == next.name }) else { continue }
            found.append(next)
            pending += next.calls.map(\.callee)
        }
        return found
    }
}
