import CustomResources
import InfraDSL
import KubernetesAPI

/// Staging's and production's monitoring as Prometheus Operator objects, from the same values as
/// development's plain files (``Monitoring``): a `PodMonitor` scrapes the engine's pods on their
/// metrics port, a `PrometheusRule` holds the alert rules, and an `AlertmanagerConfig` routes them. The seed applied rule files with kubectl and relied on
/// `prometheus.io/*` annotations, which the operator does not read.
extension Monitoring {
    /// The label the cluster's Prometheus selects monitors and rules by.
    static let selector: Labels = ["monitoring": "cluster-prometheus"]
    static let ruleName = "trading-engine-alerts"
    static let routingName = "trading-engine-routing"
    /// The Secret holding the Slack webhook URL (made by an ExternalSecret, ``SecretDelivery``).
    static let slackSecret = "alertmanager-slack"
    static let slackSecretKey = "webhook-url"

    /// Whether the environment routes its alerts itself: every cloud environment (development's
    /// compose Prometheus has no Alertmanager).
    static func routesAlerts(_ stage: Stage) -> Bool { stage.cloud != nil }

    /// The objects, for an environment in the cloud; development runs Prometheus by compose.
    static func objects(_ stage: Stage) -> [any Resource] {
        guard stage.cloud != nil else { return [] }
        var objects: [any Resource] = [APIObject(podMonitor(stage)), APIObject(prometheusRule(stage))]
        if routesAlerts(stage) { objects.append(APIObject(routing(stage))) }
        for application in ApplicationObjects.applications {
            if let monitor = podMonitor(application, stage) { objects.append(APIObject(monitor)) }
        }
        return objects
    }

    /// Scrapes an application's pods on its metrics port, as job `<application>` (their `app`
    /// label); nil for an application that serves no metrics.
    static func podMonitor(_ application: Application, _ stage: Stage) -> MonitoringV1.PodMonitor? {
        guard let metrics = application.metricsPort else { return nil }
        let endpoint = MonitoringV1.PodMonitor.Spec.PodMetricsEndpointsItem(interval: "15s", path: Application.metricsPath, port: metrics.name)
        return .init(
            metadata: .init(name: application.name, labels: selector.stringMap),
            spec: .init(jobLabel: Common.appLabel, podMetricsEndpoints: [endpoint], selector: .init(matchLabels: application.selector(stage).stringMap)))
    }

    /// Scrapes every engine pod on its `metrics` port, as job `trading-engine` (the pods' `app`
    /// label), which the alert rules name.
    static func podMonitor(_ stage: Stage) -> MonitoringV1.PodMonitor {
        let endpoint = MonitoringV1.PodMonitor.Spec.PodMetricsEndpointsItem(
            interval: "15s", path: EngineInterface.metricsPath, port: TradingEngine.metricsPort(stage).name)
        return .init(
            metadata: .init(name: engineJob, labels: selector.stringMap),
            spec: .init(jobLabel: Common.appLabel, podMetricsEndpoints: [endpoint], selector: .init(matchLabels: stage.engineSelector.stringMap)))
    }

    static func prometheusRule(_ stage: Stage) -> MonitoringV1.PrometheusRule {
        typealias Group = MonitoringV1.PrometheusRule.Spec.GroupsItem
        let groups = alertRules(stage).groups.map { group in
            Group(name: group.name, interval: group.interval?.description, rules: group.rules.map { rule in
                Group.RulesItem(
                    alert: rule.alert, annotations: rule.annotations.stringMap, expr: .string(rule.expr),
                    for: rule.duration.description, labels: rule.labels.stringMap)
            })
        }
        return .init(metadata: .init(name: ruleName, labels: selector.stringMap), spec: .init(groups: groups))
    }

    /// ``alertmanager(_:)`` as the operator's namespaced routing: the Slack receiver's webhook URL
    /// from the Secret ``slackSecret`` instead of a file on the Alertmanager's disk.
    static func routing(_ stage: Stage) -> MonitoringV1alpha1.AlertmanagerConfig {
        typealias Spec = MonitoringV1alpha1.AlertmanagerConfig.Spec
        let config = alertmanager(stage)
        let receivers = config.receivers.map { receiver in
            Spec.ReceiversItem(
                name: receiver.name,
                slackConfigs: receiver.slackConfigs?.map { slack in
                    .init(apiURL: .init(name: slackSecret, key: slackSecretKey), channel: slack.channel, sendResolved: slack.sendResolved)
                },
                webhookConfigs: receiver.webhookConfigs?.map { .init(sendResolved: $0.sendResolved, url: $0.url) })
        }
        let inhibitions = (config.inhibitRules ?? []).map { rule in
            Spec.InhibitRulesItem(
                equal: rule.equal,
                sourceMatch: rule.sourceMatchers.map(Matcher.init).map { .init(name: $0.name, matchType: .init(rawValue: $0.operator), value: $0.value) },
                targetMatch: rule.targetMatchers.map(Matcher.init).map { .init(name: $0.name, matchType: .init(rawValue: $0.operator), value: $0.value) })
        }
        let route = config.route
        return .init(metadata: .init(name: routingName, labels: selector.stringMap), spec: .init(
            inhibitRules: inhibitions, receivers: receivers,
            route: .init(
                continue: route.continue, groupBy: route.groupBy, groupInterval: route.groupInterval?.description,
                groupWait: route.groupWait?.description,
                matchers: route.matchers?.map(Matcher.init).map { .init(name: $0.name, matchType: .init(rawValue: $0.operator), value: $0.value) },
                receiver: route.receiver, repeatInterval: route.repeatInterval?.description,
                routes: route.routes?.map(childRoute))))
    }

    /// A child route: free-form in the schema (it cannot recurse), written in the route's own shape.
    private static func childRoute(_ route: AlertmanagerConfig.Route) -> JSONValue {
        var fields: [(String, JSONValue)] = [("receiver", .string(route.receiver))]
        if let matchers = route.matchers {
            fields.append(("matchers", .array(matchers.map(Matcher.init).map {
                ["name": .string($0.name), "matchType": .string($0.operator), "value": .string($0.value)]
            })))
        }
        if let groupBy = route.groupBy { fields.append(("groupBy", .array(groupBy.map(JSONValue.string)))) }
        if let wait = route.groupWait { fields.append(("groupWait", .string(wait.description))) }
        if let interval = route.groupInterval { fields.append(("groupInterval", .string(interval.description))) }
        if let interval = route.repeatInterval { fields.append(("repeatInterval", .string(interval.description))) }
        if let proceed = route.continue { fields.append(("continue", .bool(proceed))) }
        if let routes = route.routes { fields.append(("routes", .array(routes.map(childRoute)))) }
        return .object(StringMap(fields))
    }

    /// `severity="critical"`, taken apart.
    struct Matcher {
        let name: String
        let `operator`: String
        let value: String

        init(_ text: String) {
            let match = text.firstMatch(of: /^([A-Za-z_][A-Za-z0-9_]*)(=~|!~|!=|=)"(.*)"$/)
            precondition(match != nil, "matcher \(text) is not name<op>\"value\"")
            name = String(match!.output.1)
            self.operator = String(match!.output.2)
            value = String(match!.output.3)
        }
    }
}
