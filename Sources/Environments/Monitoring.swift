import InfraDSL

/// Prometheus and Alertmanager configuration, from the same values as the workloads (ports,
/// namespaces, names), so an alert can never watch a job or namespace that does not exist.
enum Monitoring {
    /// The scrape job of the engine.
    static let engineJob = "trading-engine"

    /// Development's Prometheus (run by compose): scrapes the engine and every application by its
    /// compose service name.
    static func developmentPrometheus(_ stage: Stage) -> PrometheusConfig {
        PrometheusConfig(
            global: .init(scrapeInterval: 15, evaluationInterval: 15, externalLabels: ["env": stage.name]),
            scrapeConfigs: [
                .init(jobName: engineJob, scrapeInterval: 5, metricsPath: "/metrics", staticConfigs: [
                    .init(targets: ["\(DevelopmentCompose.engineService):\(stage.metricsPort.number)"]),
                ]),
            ] + ApplicationObjects.applications.compactMap { application in
                application.metricsPort.map { port in
                    .init(jobName: application.name, metricsPath: Application.metricsPath, staticConfigs: [.init(targets: ["\(application.name):\(port.port.number)"])])
                }
            } + [
                .init(jobName: "prometheus", staticConfigs: [.init(targets: ["localhost:9090"])]),
            ])
    }

    /// Alerting rules for a cluster environment: engine down, readiness flapping, high error rate,
    /// restarts, quota nearly used.
    static func alertRules(_ stage: Stage) -> AlertRuleFile {
        let namespace = stage.namespace
        let engine = "job=\"\(engineJob)\", namespace=\"\(namespace)\""
        let requests = EngineMetricNames.httpRequests
        let pods = "namespace=\"\(namespace)\", pod=~\"\(Common.engineName)-[0-9]+\""
        return AlertRuleFile(groups: [
            .init(name: "\(stage.name)-trading-engine", rules: [
                AlertRule("TradingEngineDown", expr: "up{\(engine)} == 0", for: 60, severity: .critical,
                          summary: "Trading engine {{ $labels.pod }} is down",
                          description: "Prometheus cannot scrape {{ $labels.pod }} in \(namespace) for a minute."),
                AlertRule("TradingEngineAllDown", expr: "absent(up{\(engine)} == 1)", for: 60, severity: .critical,
                          summary: "No trading engine is up in \(stage.name)",
                          description: "No engine in \(namespace) has been scrapeable for a minute."),
                AlertRule("TradingEngineReadinessFlapping",
                          expr: "changes(kube_pod_status_ready{\(pods), condition=\"true\"}[10m]) > 4",
                          for: 0, severity: .warning,
                          summary: "Readiness of {{ $labels.pod }} is flapping",
                          description: "{{ $labels.pod }} changed readiness more than 4 times in 10 minutes."),
                AlertRule("TradingEngineHighErrorRate",
                          expr: "sum by (pod) (rate(\(requests){\(engine), \(EngineMetricNames.status)=~\"5..\"}[5m])) / sum by (pod) (rate(\(requests){\(engine)}[5m])) > 0.01",
                          for: 300, severity: .critical,
                          summary: "{{ $labels.pod }} answers more than 1% of requests with 5xx",
                          description: "The 5xx ratio of {{ $labels.pod }} has been above 1% for 5 minutes."),
                AlertRule("TradingEnginePodRestarts",
                          expr: "increase(kube_pod_container_status_restarts_total{\(pods)}[15m]) > 2",
                          for: 0, severity: .warning,
                          summary: "{{ $labels.pod }} restarted more than twice in 15 minutes",
                          description: "Container {{ $labels.container }} of {{ $labels.pod }} is restarting."),
                AlertRule("NamespaceQuotaNearlyUsed",
                          expr: "kube_resourcequota{namespace=\"\(namespace)\", type=\"used\"} / ignoring(type) kube_resourcequota{namespace=\"\(namespace)\", type=\"hard\"} > 0.9",
                          for: 900, severity: .warning,
                          summary: "Quota {{ $labels.resourcequota }} is over 90% used for {{ $labels.resource }}",
                          description: "Scaling the engine in \(namespace) may soon be refused by the quota."),
            ]),
        ])
    }

    /// A cloud environment's Alertmanager routing: everything goes to the environment's team
    /// channel; in production, critical alerts also page the on-call relay (staging rehearses the
    /// same routing and pages nobody); a down engine silences its own error-rate alert.
    static func alertmanager(_ stage: Stage) -> AlertmanagerConfig {
        let pages = stage.diverges(.live)
        let channel = pages ? "#hft-trading-alerts" : "#hft-trading-\(stage.name)-alerts"
        var receivers: [AlertmanagerConfig.Receiver] = [
            .init(name: "trading-team", slackConfigs: [.init(apiURLFile: "/etc/alertmanager/secrets/slack-webhook-url", channel: channel)]),
        ]
        if pages {
            receivers.append(.init(name: "trading-oncall", webhookConfigs: [.init(url: "http://pager-relay.monitoring.svc.cluster.local:8080/alerts")]))
        }
        return AlertmanagerConfig(
            route: .init(
                receiver: "trading-team", groupBy: ["alertname", "namespace"], groupWait: 30, groupInterval: 300,
                repeatInterval: .minutes(240),
                routes: pages ? [
                    .init(receiver: "trading-oncall", matchers: ["severity=\"critical\"", "namespace=\"\(stage.namespace)\""], groupWait: 10, repeatInterval: 3600, continue: true),
                ] : nil),
            receivers: receivers,
            inhibitRules: [
                .init(sourceMatchers: ["alertname=\"TradingEngineDown\""], targetMatchers: ["alertname=\"TradingEngineHighErrorRate\""], equal: ["pod"]),
            ])
    }
}
