import CustomResources
import Foundation
import InfraDSL
import KubernetesAPI
import Testing
@testable import Environments

/// Staging's and production's monitoring objects agree with the engine and with the rules they
/// carry: the PodMonitor scrapes the engine's pods on a port they declare, under the job the alert
/// rules name.
@Suite struct MonitoringObjectsTests {
    static func objects<Object: KubernetesObject>(_ type: Object.Type, in environment: Environment) -> [Object] {
        environment.resources.compactMap { ($0 as? APIObject<Object>)?.object }
    }

    @Test(arguments: [Staging.name, Production.name])
    func thePodMonitorScrapesTheEnginesMetricsPortAsTheJobTheRulesName(_ name: String) throws {
        let environment = try #require(Catalog.environment(named: name))
        let monitor = try #require(Self.objects(MonitoringV1.PodMonitor.self, in: environment).first)
        let engine = try #require(environment.resources.first { $0 is StatefulSet && $0.metadata.name == Common.engineName } as? StatefulSet)
        let selector = LabelSelector(matchLabels: Labels(monitor.spec.selector.matchLabels))
        #expect(selector.matches(engine.podLabels), "the PodMonitor selects no engine pod")
        let ports = engine.template.containers.flatMap(\.ports).map(\.name)
        for endpoint in monitor.spec.podMetricsEndpoints ?? [] {
            #expect(ports.contains(endpoint.port ?? ""), "port \(endpoint.port ?? "") is not declared by the engine's containers")
            #expect(endpoint.path == EngineInterface.metricsPath)
        }
        // The job is the value of the pods' label `jobLabel` names: the job every rule selects.
        let jobLabel = try #require(monitor.spec.jobLabel)
        let job = try #require(engine.podLabels[jobLabel])
        let rules = try #require(Self.objects(MonitoringV1.PrometheusRule.self, in: environment).first)
        let expressions = (rules.spec.groups ?? []).flatMap { $0.rules ?? [] }.map(\.expr)
        #expect(expressions.count == 6)
        #expect(expressions.filter { "\($0)".contains("job=\\\"\(job)\\\"") }.count >= 3, "\(expressions)")
        // Scraping is the operator's: no annotation asks for it any more.
        #expect(engine.template.annotations["prometheus.io/scrape"] == nil)
    }

    @Test func theRulesAreTheOnesDevelopmentsFilesWouldHold() throws {
        let rule = Monitoring.prometheusRule(Production.stage)
        let file = Monitoring.alertRules(Production.stage)
        #expect(rule.spec.groups?.map(\.name) == file.groups.map(\.name))
        let alerts = (rule.spec.groups ?? []).flatMap { $0.rules ?? [] }
        #expect(alerts.map(\.alert) == file.groups.flatMap(\.rules).map(\.alert))
        #expect(alerts.map(\.for) == file.groups.flatMap(\.rules).map(\.duration.description))
    }

    @Test(arguments: [Staging.name, Production.name])
    func everyCloudEnvironmentRoutesItsAlertsOnlyProductionPagesAndTheSlackSecretIsMade(_ name: String) throws {
        let environment = try #require(Catalog.environment(named: name))
        let routing = try #require(Self.objects(MonitoringV1alpha1.AlertmanagerConfig.self, in: environment).first)
        #expect(routing.referencedObjects == [ObjectReference(kind: "Secret", name: Monitoring.slackSecret, field: "spec/receivers/0/slackConfigs/apiURL")])
        let made = Self.objects(ExternalSecretsV1beta1.ExternalSecret.self, in: environment).flatMap(\.producedObjects)
        #expect(made.contains(ObjectName(kind: "Secret", name: Monitoring.slackSecret)))
        let receivers = (routing.spec.receivers ?? []).map(\.name)
        if name == Production.name {
            // The critical route pages the on-call relay and goes on to the team channel.
            #expect(receivers == ["trading-team", "trading-oncall"])
            let child = try #require(routing.spec.route?.routes?.first)
            guard case .object(let fields) = child else { Issue.record("a child route is not an object"); return }
            #expect(fields.entries.first { $0.key == "receiver" }?.value == "trading-oncall")
            #expect(fields.entries.first { $0.key == "continue" }?.value == true)
        } else {
            #expect(receivers == ["trading-team"])
            #expect(routing.spec.route?.routes == nil)
            #expect(routing.spec.receivers?.first?.slackConfigs?.first?.channel == "#hft-trading-staging-alerts")
        }
    }
}
