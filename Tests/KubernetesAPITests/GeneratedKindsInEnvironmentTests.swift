import CustomResourceFixtures
import CustomResources
import Foundation
import InfraDSL
import KubernetesAPI
import Testing
import TestSupport

/// Kinds the hand-written model never had (Job, CronJob, DaemonSet, Ingress, ClusterRole, custom
/// resources), placed in an environment through the generated API: rendered, validated by
/// kubernetes-validate, and checked like the rest, with findings at their Swift lines.
@Suite struct GeneratedKindsInEnvironmentTests {
    static let file = "Tests/KubernetesAPITests/GeneratedKindsInEnvironmentTests.swift"

    /// A container that passes the restricted checks, unless told to run privileged.
    static func container(_ name: String, privileged: Bool = false, secret: String? = nil) -> CoreV1.Container {
        var container = CoreV1.Container(name: name, image: "registry.example.com/\(name)@sha256:\(String(repeating: "ab", count: 32))")
        var security = CoreV1.SecurityContext()
        security.allowPrivilegeEscalation = privileged
        security.privileged = privileged ? true : nil
        security.runAsNonRoot = true
        security.runAsUser = 10001
        security.runAsGroup = 10001
        security.readOnlyRootFilesystem = true
        security.capabilities = CoreV1.Capabilities(drop: ["ALL"])
        security.seccompProfile = CoreV1.SeccompProfile(type: .runtimeDefault)
        container.securityContext = security
        container.resources = CoreV1.ResourceRequirements(requests: ["cpu": "250m", "memory": "256Mi"], limits: ["cpu": "500m", "memory": "256Mi"])
        if let secret {
            container.env = [CoreV1.EnvVar(name: "TOKEN", valueFrom: CoreV1.EnvVarSource(secretKeyRef: CoreV1.SecretKeySelector(name: secret, key: "token")))]
        }
        return container
    }

    static func pod(_ labels: StringMap<String>, _ containers: [CoreV1.Container], restart: CoreV1.RestartPolicy? = nil) -> CoreV1.PodTemplateSpec {
        var spec = CoreV1.PodSpec(containers: containers)
        spec.restartPolicy = restart
        spec.automountServiceAccountToken = false
        return CoreV1.PodTemplateSpec(metadata: MetaV1.ObjectMeta(labels: labels), spec: spec)
    }

    static func environment(cronJobSecret: String = "reconciler-token", privilegedAgent: Bool = false) -> Environment {
        let reconcile = BatchV1.JobSpec(template: pod(["app": "reconcile"], [container("reconcile", secret: cronJobSecret)], restart: .onFailure))
        var cronSpec = BatchV1.CronJobSpec(jobTemplate: BatchV1.JobTemplateSpec(spec: reconcile), schedule: "30 22 * * 1-5")
        cronSpec.concurrencyPolicy = .forbid
        var migrate = BatchV1.JobSpec(template: pod(["app": "migrate"], [container("migrate")], restart: .never))
        migrate.backoffLimit = 2
        let agent = AppsV1.DaemonSetSpec(
            selector: MetaV1.LabelSelector(matchLabels: ["app": "node-agent"]),
            template: pod(["app": "node-agent"], [container("node-agent", privileged: privilegedAgent)]))
        let rule = NetworkingV1.IngressRule(host: "orders.example.com", http: NetworkingV1.HTTPIngressRuleValue(paths: [
            NetworkingV1.HTTPIngressPath(
                backend: NetworkingV1.IngressBackend(service: NetworkingV1.IngressServiceBackend(name: "orders", port: NetworkingV1.ServiceBackendPort(number: 80))),
                path: "/", pathType: .prefix),
        ]))
        var monitor = MonitoringV1.ServiceMonitor(metadata: MetaV1.ObjectMeta(name: "orders"), spec: .init(selector: .init(matchLabels: ["app": "orders"])))
        monitor.spec.endpoints = [.init(interval: "15s", path: "/metrics", port: "metrics")]
        return Environment("generated", namespace: "markets") {
            CoreV1.Namespace(metadata: MetaV1.ObjectMeta(name: "markets"))
            BatchV1.CronJob(metadata: MetaV1.ObjectMeta(name: "end-of-day"), spec: cronSpec)
            BatchV1.Job(metadata: MetaV1.ObjectMeta(name: "migrate"), spec: migrate)
            AppsV1.DaemonSet(metadata: MetaV1.ObjectMeta(name: "node-agent"), spec: agent)
            NetworkingV1.Ingress(metadata: MetaV1.ObjectMeta(name: "orders"), spec: NetworkingV1.IngressSpec(ingressClassName: "nginx", rules: [rule]))
            RbacV1.ClusterRole(metadata: MetaV1.ObjectMeta(name: "markets-reader"), rules: [
                RbacV1.PolicyRule(apiGroups: [""], resources: ["pods"], verbs: ["get", "list"]),
            ])
            monitor
        }
        .contract(EnvironmentContract(externalObjects: [
            .init(kind: "Secret", name: "reconciler-token", reason: "created by the secrets manager"),
            .init(kind: "Service", name: "orders", reason: "another team's"),
        ]))
    }

    @Test func rendersAndPassesKubernetesValidate() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rendered = try Generator.generate([Self.environment()], into: OutputDirectory(root: directory))
        #expect(rendered[0].warnings.isEmpty, "\(rendered[0].warnings)")
        let kubernetes = directory.appendingPathComponent("generated/kubernetes")
        let files = try FileManager.default.contentsOfDirectory(atPath: kubernetes.path).sorted()
        #expect(files == [
            "clusterrole-markets-reader.yaml", "cronjob-end-of-day.yaml", "daemonset-node-agent.yaml", "ingress-orders.yaml",
            "job-migrate.yaml", "kustomization.yaml", "namespace-markets.yaml", "servicemonitor-orders.yaml",
        ])
        let validator = (TestSupport.python as NSString).deletingLastPathComponent + "/kubernetes-validate"
        let builtIn = files.filter { $0 != "kustomization.yaml" && $0 != "servicemonitor-orders.yaml" }.map { kubernetes.appendingPathComponent($0).path }
        let result = try TestSupport.shell("'\(validator)' --strict -k 1.32.0 \(builtIn.map { "'\($0)'" }.joined(separator: " ")) 2>&1")
        #expect(result.status == 0 && !result.output.contains("WARN"), "\(result.output)")
        let cronJob = try String(contentsOf: kubernetes.appendingPathComponent("cronjob-end-of-day.yaml"), encoding: .utf8)
        #expect(cronJob.hasPrefix("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: end-of-day\n  namespace: markets\n"))
        #expect(cronJob.contains("schedule: \"30 22 * * 1-5\"") && cronJob.contains("concurrencyPolicy: Forbid"), "\(cronJob)")
    }

    @Test func aCronJobReadingAMissingSecretAndAPrivilegedDaemonSetAreFoundAtTheirLines() {
        let environment = Self.environment(cronJobSecret: "missing-token", privilegedAgent: true)
        do {
            _ = try Generator.renderAll([environment])
            Issue.record("rendered despite its mistakes")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            let found = errors.map { "\($0.check) \($0.location.path):\($0.location.line) \($0.message)" }
            let environmentLine = Self.environmentLine
            // Paths are spelled from the package root, as for every object.
            let cronJob = "\(Self.file):\(environmentLine + 2)"
            let daemonSet = "\(Self.file):\(environmentLine + 4)"
            #expect(found.contains("reference \(cronJob) references Secret 'missing-token', which is neither defined here nor declared external"), "\(found)")
            #expect(found.contains("privilege \(daemonSet) container node-agent runs privileged: it has every capability of the node"), "\(found)")
            #expect(found.contains { $0.hasPrefix("privilege \(daemonSet) container node-agent may escalate privileges") }, "\(found)")
            #expect(found.count == 3, "\(found)")
        }
    }

    /// The line of `Environment("generated", ...)` in ``environment(cronJobSecret:privilegedAgent:)``.
    static let environmentLine: Int = {
        let source = try! String(contentsOf: TestSupport.packageRoot.appendingPathComponent(file), encoding: .utf8)
        return source.components(separatedBy: "\n").firstIndex { $0.contains("return Environment(\"generated\"") }! + 1
    }()
}

/// What the generated types let through but the API server would not take.
@Suite struct APIObjectValidationTests {
    @Test func unlistedValuesBadQuantitiesAndServerMetadataAreErrors() {
        var container = CoreV1.Container(name: "web", image: "web:1")
        container.imagePullPolicy = .unknown("Sometimes")
        container.resources = CoreV1.ResourceRequirements(requests: ["memory": "4 Gi"])
        var metadata = MetaV1.ObjectMeta(name: "web")
        metadata.finalizers = ["example.com/keep"]
        let job = BatchV1.Job(metadata: metadata, spec: BatchV1.JobSpec(template: CoreV1.PodTemplateSpec(spec: CoreV1.PodSpec(containers: [container], restartPolicy: .never))))
        let line = #line + 2
        let environment = Environment("checks", namespace: "checks") {
            job
        }
        do {
            _ = try Generator.renderAll([environment])
            Issue.record("rendered")
        } catch {
            let found = Set(error.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line) \($0.check) \($0.resourcePath): \($0.message)" })
            #expect(found == [
                "\(line) metadata checks/Job/web/metadata: an environment's object sets only name, namespace, labels and annotations; the others are the API server's",
                "\(line) schema checks/Job/web/spec/template/spec/containers/0/imagePullPolicy: 'Sometimes' is not a value the schema lists for this field",
                "\(line) quantity checks/Job/web/spec/template/spec/containers/0/resources/requests/memory: '4 Gi' is not a Kubernetes quantity",
            ], "\(found)")
        }
    }

    @Test func aNullListItemInFreeFormJSONIsAnErrorAndANullFieldIsLeftOut() throws {
        var spec = MarketsV1.TradingVenue.Spec(
            connectivity: .init(primary: .init(host: "fix.venue.example", port: 9878)), mic: "XLON")
        spec.extensions = ["hosts": ["a", nil], "retired": nil]
        spec.freeForm = ["retired": nil, "kept": 1]
        let venue = MarketsV1.TradingVenue(metadata: MetaV1.ObjectMeta(name: "lse"), spec: spec)
        let document = Value(generated: venue)
        guard case .object(let root) = document, case .object(let body)? = root["spec"], case .object(let free)? = body["freeForm"] else {
            Issue.record("no spec.freeForm in \(document)")
            return
        }
        #expect(free.map(\.key) == ["kept"], "a null field means absent to the API server and is left out")
        let line = #line + 1
        let environment = Environment("checks", namespace: "checks") { venue }
        do {
            _ = try Generator.renderAll([environment])
            Issue.record("rendered")
        } catch {
            let found = error.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line) \($0.check) \($0.resourcePath)" }
            #expect(found == ["\(line) schema checks/TradingVenue/lse/spec/extensions"], "\(found)")
        }
    }
}
