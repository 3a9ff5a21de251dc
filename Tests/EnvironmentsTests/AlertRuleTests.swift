import Foundation
import InfraDSL
import Testing
import TestSupport
@testable import Environments

/// Production's alert rules evaluated by `promtool test rules` over series named as the engine
/// exports them (``EngineMetricNames``, the definition the engine records with) and as
/// kube-state-metrics and Prometheus name theirs: each alert fires on the behaviour it names, for
/// the pod at fault, and not before its `for` duration or on a healthy pod.
@Suite struct AlertRuleTests {
    static let namespace = "hft-trading-production"

    /// A series of the engine's scrape job on `pod`.
    private func series(_ name: String, pod: String, _ labels: [(String, String)] = []) -> String {
        let all = [("job", "trading-engine"), ("namespace", Self.namespace), ("pod", pod)] + labels
        return "\(name){" + all.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: ",") + "}"
    }

    private func requests(pod: String, status: Int) -> String {
        series(EngineMetricNames.httpRequests, pod: pod, [
            (EngineMetricNames.method, "GET"), (EngineMetricNames.path, "/orders"), (EngineMetricNames.status, "\(status)"),
        ])
    }

    @Test func productionAlertsFireOnWhatTheyName() throws {
        // The rules as the cluster gets them: the rendered PrometheusRule's groups, written out as a
        // rule file the way the output's validation does (scripts/monitoring_objects.py).
        let rendered = try Generator.renderAll(Catalog.environments.filter { $0.name == "production" })
        let rule = try #require(rendered.first?.files.first { $0.path == "production/kubernetes/prometheusrule-\(Monitoring.ruleName).yaml" })
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(rule.contents.utf8).write(to: directory.appendingPathComponent("rule.yaml"))
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/monitoring_objects.py").path
        let extracted = try TestSupport.shell("\(TestSupport.python) '\(script)' rules '\(directory.path)/rule.yaml' '\(directory.path)/alert-rules.yaml'")
        #expect(extracted.status == 0, "\(extracted.error)")

        let tests = """
            rule_files: [alert-rules.yaml]
            evaluation_interval: 1m
            tests:
            - interval: 1m
              input_series:
              # trading-engine-0 answers 3 of every 103 requests with 500 (2.9%); trading-engine-1 none.
              - series: '\(requests(pod: "trading-engine-0", status: 500))'
                values: '0+3x30'
              - series: '\(requests(pod: "trading-engine-0", status: 200))'
                values: '0+100x30'
              - series: '\(requests(pod: "trading-engine-1", status: 200))'
                values: '0+100x30'
              # trading-engine-0 stops answering scrapes after 5 minutes; trading-engine-1 stays up.
              - series: '\(series("up", pod: "trading-engine-0"))'
                values: '1x5 0x25'
              - series: '\(series("up", pod: "trading-engine-1"))'
                values: '1x30'
              # trading-engine-1's container restarts three times within 15 minutes.
              - series: 'kube_pod_container_status_restarts_total{namespace="\(Self.namespace)",pod="trading-engine-1",container="trading-engine"}'
                values: '0x5 1 2 3x23'
              alert_rule_test:
              # 5xx above 1% must last 5 minutes: pending at 4 minutes, firing for pod 0 only at 10.
              - eval_time: 4m
                alertname: TradingEngineHighErrorRate
                exp_alerts: []
              - eval_time: 10m
                alertname: TradingEngineHighErrorRate
                exp_alerts:
                - exp_labels: {severity: critical, pod: trading-engine-0}
                  exp_annotations:
                    summary: "trading-engine-0 answers more than 1% of requests with 5xx"
                    description: "The 5xx ratio of trading-engine-0 has been above 1% for 5 minutes."
              - eval_time: 6m
                alertname: TradingEngineDown
                exp_alerts: []
              - eval_time: 8m
                alertname: TradingEngineDown
                exp_alerts:
                - exp_labels: {severity: critical, job: trading-engine, namespace: \(Self.namespace), pod: trading-engine-0}
                  exp_annotations:
                    summary: "Trading engine trading-engine-0 is down"
                    description: "Prometheus cannot scrape trading-engine-0 in \(Self.namespace) for a minute."
              - eval_time: 8m
                alertname: TradingEngineAllDown
                exp_alerts: []
              - eval_time: 10m
                alertname: TradingEnginePodRestarts
                exp_alerts:
                - exp_labels: {severity: warning, namespace: \(Self.namespace), pod: trading-engine-1, container: trading-engine}
                  exp_annotations:
                    summary: "trading-engine-1 restarted more than twice in 15 minutes"
                    description: "Container trading-engine of trading-engine-1 is restarting."
            """
        try Data(tests.utf8).write(to: directory.appendingPathComponent("tests.yaml"))
        let result = try TestSupport.shell("promtool test rules tests.yaml", in: directory)
        #expect(result.status == 0, "promtool test rules:\n\(result.output)\(result.error)")
        #expect(result.output.contains("SUCCESS"), "\(result.output)")
    }
}
