@testable import Environments
@testable import InfraDSL
import CustomResources
import Foundation
import Testing
import TestSupport

/// The market-data gateway, added as one application value and one line in the engine's needs:
/// every environment runs it with its Service, scaling and budget, the engine may call it, and it
/// reaches nothing it does not need.
@Suite struct ApplicationTests {
    static let gateway = MarketDataGateway.application

    @Test(arguments: Catalog.names)
    func theGatewayRunsInEveryEnvironment(_ name: String) throws {
        let stage = try #require(Catalog.stage(named: name))
        let objects = EnvironmentResolver.resolve(stage.environment).objects.map(\.resource)
        let kinds = objects.filter { $0.metadata.name == Self.gateway.name }.map { type(of: $0).kind }.sorted()
        let scaled = stage.tier == .dev ? [] : ["HorizontalPodAutoscaler", "PodDisruptionBudget", "PodMonitor"]
        #expect(kinds == (["Deployment", "Service", "ServiceAccount"] + scaled).sorted())
        let deployment = try #require(objects.first { $0 is Deployment && $0.metadata.name == Self.gateway.name } as? Deployment)
        let image = try #require(deployment.template.containers.first?.image)
        #expect(image == ImagePins.current[name, Self.gateway.name]?.reference, "the gateway's own pin in \(name)")
    }

    @Test(arguments: Catalog.names)
    func theEngineReachesTheGatewayAndTheGatewayNothingElse(_ name: String) throws {
        let stage = try #require(Catalog.stage(named: name))
        let objects = EnvironmentResolver.resolve(stage.environment).objects.map(\.resource)
        let policies = NetworkPolicyEvaluator(policies: objects.compactMap { $0 as? NetworkPolicy })
        let namespace = stage.namespace
        let engine = stage.labels.merging(stage.engineSelector)
        let gateway = stage.labels.merging(Self.gateway.selector(stage))
        let gatewayPods = NetworkPolicyEvaluator.Endpoint.pods(namespace: namespace, namespaceLabels: nil, labels: gateway, ports: Self.gateway.ports)
        let enginePods = NetworkPolicyEvaluator.Endpoint.pods(namespace: namespace, namespaceLabels: nil, labels: engine, ports: [TradingEngine.httpPort])
        let feed = MarketDataGateway.feed.port.number

        #expect(policies.egressAllowed(from: namespace, labels: engine, to: gatewayPods, port: feed, transport: .tcp))
        #expect(policies.ingressAllowed(to: namespace, labels: gateway, ports: Self.gateway.ports, from: enginePods, port: feed, transport: .tcp))
        // No one else calls it: another pod of the namespace is refused.
        let other = NetworkPolicyEvaluator.Endpoint.pods(namespace: namespace, namespaceLabels: nil, labels: stage.labels.merging(["app": "other"]), ports: [])
        #expect(!policies.ingressAllowed(to: namespace, labels: gateway, ports: Self.gateway.ports, from: other, port: feed, transport: .tcp))
        // It reaches the exchanges over HTTPS, and not the engine, the database or anything else.
        #expect(policies.egressAllowed(from: namespace, labels: gateway, to: .external(network: nil), port: 443, transport: .tcp))
        #expect(!policies.egressAllowed(from: namespace, labels: gateway, to: enginePods, port: Common.httpPort.number, transport: .tcp))
        #expect(!policies.egressAllowed(from: namespace, labels: gateway, to: .external(network: IPv4Network("10.10.64.0/20")), port: 5432, transport: .tcp))
        #expect(!policies.egressAllowed(from: namespace, labels: gateway, to: .external(network: nil), port: 80, transport: .tcp))
    }

    /// Where the Prometheus Operator scrapes, a PodMonitor selects the gateway's pods on the port
    /// they declare for metrics; in development, the pods say so by annotation.
    @Test(arguments: Catalog.names)
    func theGatewayIsScraped(_ name: String) throws {
        let stage = try #require(Catalog.stage(named: name))
        let objects = EnvironmentResolver.resolve(stage.environment).objects.map(\.resource)
        let deployment = try #require(objects.first { $0 is Deployment && $0.metadata.name == Self.gateway.name } as? Deployment)
        let monitors = objects.compactMap { ($0 as? APIObject<MonitoringV1.PodMonitor>)?.object }.filter { $0.metadata?.name == Self.gateway.name }
        guard !stage.diverges(.annotationScraping) else {
            #expect(monitors.isEmpty)
            #expect(deployment.template.annotations["prometheus.io/port"] == "9102")
            return
        }
        let monitor = try #require(monitors.first)
        let selector = try #require(monitor.spec.selector.matchLabels)
        #expect(LabelSelector(matchLabels: Labels(selector)).matches(deployment.podLabels))
        let declared = deployment.template.containers.flatMap(\.ports).map(\.name)
        #expect(monitor.spec.podMetricsEndpoints?.compactMap { $0.port } == ["metrics"])
        #expect(declared.contains("metrics"))
    }

    /// Findings about the gateway's objects point at the line that wrote the gateway, not at the
    /// builder every application shares.
    @Test func theGatewaysObjectsAreWhereTheGatewayWasWritten() throws {
        let objects = EnvironmentResolver.resolve(Production.stage.environment).objects.map(\.resource)
        let gateways = objects.filter { $0.metadata.name == Self.gateway.name || $0.metadata.name.hasPrefix("allow-\(Self.gateway.name)") }
        #expect(gateways.count == 8)
        for object in gateways where !(object is APIObject<MonitoringV1.PodMonitor>) {
            #expect(object.location == Self.gateway.location, "\(type(of: object).kind)/\(object.metadata.name) at \(object.location)")
        }
        #expect(Self.gateway.location.path == "Sources/Environments/MarketDataGateway.swift")
    }

    /// The engine's call to the gateway is held to the line that declared it, so a call the
    /// gateway does not serve (a port its Service does not expose) is reported there.
    @Test func aCallIsReportedAtTheLineThatDeclaredIt() throws {
        let call = try #require(Contract.of(Production.stage).dependencies.first { $0.name == Self.gateway.name })
        #expect(call.port == MarketDataGateway.feed.port.number)
        let source = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Environments/TradingEngine.swift"), encoding: .utf8)
        let line = try #require(source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("static let needs: [Application.Need]") }) + 1
        #expect(call.location?.description == "Sources/Environments/TradingEngine.swift:\(line)")
    }

    @Test func theDeployIdentityMayRollOutEveryApplication() throws {
        let objects = EnvironmentResolver.resolve(Production.stage.environment).objects.map(\.resource)
        let role = try #require(objects.first { $0 is Role && $0.metadata.name == "deployer" } as? Role)
        let deployments = try #require(role.rules.first { $0.resources == ["deployments"] })
        #expect(deployments.resourceNames == [Self.gateway.name])
    }

    /// Adding an application is its value and one entry in the engine's needs: the gateway's every
    /// object follows from that one entry.
    @Test func theEnginesNeedsAreWhatBringsAnApplicationIn() {
        #expect(ApplicationObjects.applications.map(\.name) == [Self.gateway.name])
        #expect(Application.closure(of: []).isEmpty)
    }

    /// An application that serves outside the cluster admits the ingress controller on the ports
    /// it exposes, and on no other; one that exposes nothing (the gateway) does not admit it at all.
    @Test func exposureAdmitsTheIngressControllerOnTheExposedPortsOnly() throws {
        let stage = Staging.stage
        let http = ContainerPort("http", 8080)
        let portal = Application(
            name: "risk-portal", repository: "registry.example.com/risk-portal", ports: [http, MarketDataGateway.metrics],
            metricsPort: MarketDataGateway.metrics, exposed: [http], needs: [], user: 10004,
            sizing: MarketDataGateway.application.sizing)
        let controller = NetworkPolicyEvaluator.Endpoint.pods(
            namespace: NamespaceReference.ingressNginx.name, namespaceLabels: NamespaceReference.ingressNginx.labels, labels: ["app": "ingress-nginx"], ports: [])
        func admits(_ application: Application, _ port: Int) -> Bool {
            var policy = ApplicationObjects.ingress(application, stage)
            policy.metadata.namespace = stage.namespace
            return NetworkPolicyEvaluator(policies: [policy]).ingressAllowed(
                to: stage.namespace, labels: stage.labels.merging(application.selector(stage)), ports: application.ports,
                from: controller, port: port, transport: .tcp)
        }
        #expect(admits(portal, 8080))
        #expect(!admits(portal, 9102))
        #expect(!admits(Self.gateway, 7000))
    }

    /// Development's compose runs every application the engine needs, on its own ports and before
    /// the engine, and its Prometheus scrapes it: the engine's first call locally has a callee.
    @Test func developmentsComposeRunsAndScrapesEveryApplication() throws {
        let compose = DevelopmentCompose.file(Development.stage)
        let gateway = try #require(compose.services.first { $0.name == Self.gateway.name })
        #expect(gateway.image == Development.stage.image(of: Self.gateway))
        #expect(gateway.ports.map(\.container.number) == [7000, 9102])
        let engine = try #require(compose.services.first { $0.name == DevelopmentCompose.engineService })
        #expect(engine.dependsOn.contains(Self.gateway.name))
        let jobs = Monitoring.developmentPrometheus(Development.stage).scrapeConfigs
        #expect(jobs.first { $0.jobName == Self.gateway.name }?.staticConfigs.flatMap(\.targets) == ["market-data-gateway:9102"])
    }
}
