import CustomResources
import Environments
import Foundation
import InfraDSL
import Testing
import TestSupport

/// `gen lint` over the system we replace, and over our own output.
@Suite struct LintTests {
    static let seed = "Tests/Fixtures/seed/kubernetes"
    static let snapshot = TestSupport.packageRoot.appendingPathComponent("Tests/Snapshots/seed-lint.json")

    /// `gen lint ARGUMENTS`, the built command, run from the package root.
    private func genLint(_ arguments: String) throws -> TestSupport.ProcessResult {
        let gen = try TestSupport.builtExecutable("gen")
        return try TestSupport.shell("'\(gen)' lint \(arguments)", in: TestSupport.packageRoot)
    }

    /// The findings of `gen lint --format json` as (check, severity, message) triples.
    private func findings(_ json: String) throws -> [(check: String, severity: String, message: String)] {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return items.map { ($0["check"] as? String ?? "", $0["severity"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    @Test func seedLintMatchesItsSnapshot() throws {
        let result = try genLint("--format json \(Self.seed)")
        #expect(result.status == 1, "errors found must exit 1: \(result.error)")
        let json = result.output
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(json.utf8).write(to: Self.snapshot)
            Issue.record("recorded \(Self.snapshot.lastPathComponent); read its diff, then run again without RECORD_SNAPSHOTS")
            return
        }
        let committed = (try? String(contentsOf: Self.snapshot, encoding: .utf8)) ?? ""
        let diff = UnifiedDiff.diff(old: committed, new: json, oldName: "Tests/Snapshots/seed-lint.json", newName: "gen lint output")
        #expect(diff.isEmpty, "\(diff)")
        // The text format ends with a summary that agrees with the findings.
        let all = try findings(json)
        let errors = all.filter { $0.severity == "error" }.count, warnings = all.filter { $0.severity == "warning" }.count
        let text = try genLint(Self.seed)
        #expect(text.status == 1)
        #expect(text.error == "gen lint: \(errors) error(s), \(warnings) warning(s) in 16 object(s)\n", "\(text.error)")
    }

    /// The seed's known mistakes, each found by the check that should find it.
    @Test func seedLintFindsTheSeedsMistakes() throws {
        let diagnostics = try findings(try genLint("--format json \(Self.seed)").output)
        func found(_ check: String, _ fragment: String) -> Bool {
            diagnostics.contains { $0.check == check && $0.severity == "error" && $0.message.contains(fragment) }
        }
        #expect(found("reachability", "namespace hft-trading, which does not exist"))
        #expect(found("reachability", "{name=ingress-nginx} matches no namespace"))
        #expect(found("reachability", "no egress policy lets these pods reach the cluster DNS over TCP"))
        #expect(found("reference", "serviceName 'trading-engine-headless' names no Service"))
        #expect(found("privilege", "sysctl-tuning runs privileged"))
        #expect(found("capacity", "sysctl-tuning sets no resources"))
        #expect(found("availability", "'availability-zone'"))
        #expect(found("port", "prometheus.io/port 9090"))
        #expect(found("writable-path", "/tmp (temporary files) is on the read-only root filesystem"))
        #expect(found("config", "missing required field"))
        #expect(found("performance", "CPU_AFFINITY 0-7 cannot be honoured: the pod is not in the Guaranteed QoS class (container trading-engine: CPU request 4 differs from its limit 8)"))
    }

    /// What the command does with input it cannot lint: a missing path or a directory without YAML is
    /// a usage error (exit 64) naming it; a file that is not text is a finding at that file, and the
    /// other files are still linted; clean manifests exit 0.
    @Test func lintCommandNamesWhatItCannotRead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try genLint("'\(directory.path)/absent.yaml'")
        #expect(missing.status == 64 && missing.error.contains("no such file or directory: \(directory.path)/absent.yaml"), "\(missing.error)")

        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("not yaml".utf8).write(to: empty.appendingPathComponent("notes.txt"))
        let nothing = try genLint("'\(empty.path)'")
        #expect(nothing.status == 64 && nothing.error.contains("no YAML file (.yaml, .yml) under \(empty.path)"), "\(nothing.error)")

        let mixed = directory.appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: mixed, withIntermediateDirectories: true)
        try Data([0xFF, 0xFE, 0x00, 0x41, 0xC3]).write(to: mixed.appendingPathComponent("binary.yaml"))
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: team\ndata:\n  mode: fast\n".utf8)
            .write(to: mixed.appendingPathComponent("configmap.yaml"))
        let binary = try genLint("'\(mixed.path)'")
        #expect(binary.status == 1, "\(binary.error)")
        #expect(binary.output == "\(mixed.path)/binary.yaml:1: error: [lint] \(mixed.path)/binary.yaml is not UTF-8 text (a binary file?), so it was not read (at \(mixed.path)/binary.yaml)\n",
                "\(binary.output)")
        #expect(binary.error.hasSuffix("in 1 object(s)\n"), "the ConfigMap is still read: \(binary.error)")

        try FileManager.default.removeItem(at: mixed.appendingPathComponent("binary.yaml"))
        let clean = try genLint("'\(mixed.path)'")
        #expect(clean.status == 0 && clean.output.isEmpty, "\(clean.output)\(clean.error)")
    }

    @Test func ourOwnOutputLintsWithoutErrors() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Generator.generate(Catalog.environments, into: OutputDirectory(root: directory))
        // As `gen lint` reads: the custom resources we write (External Secrets) against their schemas.
        var reader = ManifestReader(more: CustomResourceKinds.all)
        for environment in Catalog.environments {
            let base = directory.appendingPathComponent("\(environment.name)/kubernetes")
            for file in try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() where file != "kustomization.yaml" {
                reader.read(yaml: try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8), file: file)
            }
        }
        let unknownFields = reader.diagnostics.diagnostics.filter { $0.check == "lint" }
        #expect(unknownFields.isEmpty, "the reader does not know fields we render: \(unknownFields.map(\.description))")
        let errors = ManifestLint.check(reader.resources).filter { $0.severity == .error }
        // Every Secret is made in the manifests themselves (by an ExternalSecret in staging and
        // production), so not even a reference to one is left for the Swift contract to explain.
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    /// Our production engine read back from its manifests, with one performance need removed at a
    /// time: each is an error at the YAML line of the container's resources.
    @Test func performanceGapsInManifestsAreFoundAtTheirLines() throws {
        let rendered = try #require(try Generator.renderAll(Catalog.environments).first { $0.name == "production" })
        let files = Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.contents) })
        let engine = try #require(files["production/kubernetes/statefulset-trading-engine.yaml"])
        let configMap = try #require(files["production/kubernetes/configmap-trading-engine-config.yaml"])
        func performanceFindings(_ statefulSet: String) -> [Diagnostic] {
            var reader = ManifestReader()
            reader.read(yaml: configMap, file: "configmap.yaml")
            reader.read(yaml: statefulSet, file: "statefulset.yaml")
            return ManifestLint.check(reader.resources).filter { $0.check == "performance" }
        }
        #expect(performanceFindings(engine).isEmpty)
        let resourcesLine = try #require(engine.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasSuffix("resources:") }) + 1
        let edits: [(String, String, String)] = [
            ("            - SYS_NICE\n", "", "performance.thread_priority cannot be honoured: container trading-engine does not add the capability SYS_NICE"),
            ("            hugepages-2Mi: 1Gi\n", "", "performance.huge_pages cannot be honoured: container trading-engine has a hugepages-2Mi request different from its limit, which Kubernetes rejects"),
            ("            memory: 16Gi\n", "            memory: 8Gi\n", "performance.cpu_affinity cannot be honoured: the pod is not in the Guaranteed QoS class (container trading-engine: memory request 8Gi differs from its limit 16Gi), so its CPUs are shared"),
        ]
        for (from, to, message) in edits {
            let range = try #require(engine.range(of: from), "\(from) is not in the rendered engine")
            let broken = engine.replacingCharacters(in: range, with: to)
            let found = performanceFindings(broken)
            #expect(found.map(\.message) == [message])
            #expect(found.first.map { "\($0.location.path):\($0.location.line)" } == "statefulset.yaml:\(resourcesLine)")
        }
    }

    /// A connection the engine's config declares and its variables also name is followed once:
    /// without the policy that lets the engine reach Redis, one finding, not one per source.
    @Test("a Service without a selector has endpoints managed elsewhere; an empty selector selects nothing")
    func serviceWithoutSelector() {
        var reader = ManifestReader(defaultNamespace: "shop")
        reader.read(yaml: """
            apiVersion: v1
            kind: Service
            metadata: {name: legacy-db}
            spec:
              ports: [{name: sql, port: 5432}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: nothing}
            spec:
              selector: {}
              ports: [{name: http, port: 80}]
            """, file: "services.yaml")
        let findings = ManifestLint.check(reader.resources).filter { $0.severity == .error }.map { "\($0.location.line) \($0.check): \($0.message)" }
        // Only the empty selector (the second object, line 7) is a mistake.
        #expect(findings == [
            "7 selector: the selector is empty, so it would select every pod in the namespace",
            "7 selector: the selector {} matches no workload's pods, so the Service has no endpoints",
        ], "\(findings)")
    }

    @Test("values the schema does not allow, found as a kind without an intent type is read, once each at their lines")
    func valueProblemsOfAPlacedKind() {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: once
              namespace: team
              managedFields:
              - manager: me
                fieldsV1: {a: [1, null, {b: [null]}]}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: main:1
                    imagePullPolicy: Sometimes
                    resources:
                      requests: {cpu: 2 cores}
            """, file: "job.yaml")
        let findings = (reader.diagnostics.diagnostics + ManifestLint.check(reader.resources))
            .filter { $0.check == "schema" || $0.check == "quantity" }.map { "\($0.location.line) \($0.resourcePath): \($0.message)" }
        #expect(findings == [
            "8 team/Job/once/metadata/managedFields/0/fieldsV1: a list in this free-form field holds null, which the output cannot write; leave the item out",
            "18 team/Job/once/spec/template/spec/containers/0/resources/requests/cpu: '2 cores' is not a Kubernetes quantity",
            "16 team/Job/once/spec/template/spec/containers/0/imagePullPolicy: 'Sometimes' is not a value the schema lists for this field",
        ], "\(findings)")
    }

    @Test func aConnectionDeclaredAndInferredIsFollowedOnce() throws {
        let rendered = try #require(try Generator.renderAll(Catalog.environments).first { $0.name == "development" })
        var reader = ManifestReader()
        for file in rendered.files where file.path.hasPrefix("development/kubernetes/") && !file.path.hasSuffix("kustomization.yaml")
            && !file.path.hasSuffix("networkpolicy-allow-engine-to-redis.yaml") {
            var text = file.contents
            if file.path.hasSuffix("statefulset-trading-engine.yaml") {
                let variable = "        - name: ENVIRONMENT\n          value: development\n"
                #expect(text.contains(variable))
                text = text.replacingOccurrences(of: variable, with: variable + "        - name: REDIS_ADDR\n          value: redis-dev.hft-trading-dev.svc.cluster.local:6379\n")
            }
            reader.read(yaml: text, file: file.path)
        }
        let redis = ManifestLint.check(reader.resources).filter { $0.check == "reachability" && $0.message.contains("6379") }
        #expect(redis.count == 1, "\(redis.map(\.message))")
    }

    @Test func readerReportsUnknownFieldsAndKindsWithTheirLines() {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            data:
              k: v
            surprise: true
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector:
                matchLabels: {app: d}
              template:
                metadata:
                  labels: {app: d}
                spec:
                  hostNetwork: true
                  containers:
                  - name: c
                    image: i:1
                    resources:
                      requests:
                        cpu: 4 cores
            """, file: "mixed.yaml")
        let findings = reader.diagnostics.diagnostics.map { "\($0.location.line) \($0.check): \($0.message)" }
        // Every field of a kind with a schema is read against it: `surprise` is an error, while
        // `hostNetwork`, which the schema has, is read without a word.
        #expect(findings == [
            "7 schema: surprise: unknown field",
            "9 schema: example.com/v1 Widget is outside the generated API: its fields are not checked against a schema",
            "9 lint: kind Widget is not in the model: kept, not checked",
            "31 quantity: '4 cores' is not a Kubernetes quantity",
        ])
        #expect(reader.resources.map(\.identity) == ["ConfigMap/a", "Deployment/d"])
    }

    @Test func volumesOfEverySourceAreSeenByTheChecks() {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: collector, namespace: hft-trading-production}
            spec:
              selector: {matchLabels: {app: collector}}
              template:
                metadata: {labels: {app: collector}}
                spec:
                  containers:
                  - name: collector
                    image: collector:1
                    securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 10001}
                    volumeMounts:
                    - {name: node-logs, mountPath: /var/log/node, readOnly: true}
                    - {name: credentials, mountPath: /etc/credentials}
                  volumes:
                  - name: node-logs
                    hostPath: {path: /var/log}
                  - name: credentials
                    projected:
                      sources:
                      - secret: {name: collector-token}
                      - configMap: {name: collector-ca, optional: true}
                      - serviceAccountToken: {path: token, audience: logs}
            """, file: "team/collector.yaml")
        #expect(reader.diagnostics.diagnostics.isEmpty, "\(reader.diagnostics.diagnostics)")
        let findings = ManifestLint.check(reader.resources).filter { $0.severity == .error }.map { "\($0.location.line) \($0.check): \($0.message)" }
        // Both mounts name declared volumes; the node's path and the projected Secret are found at
        // their volumes' lines; the optional ConfigMap is not required.
        #expect(findings.filter { $0.contains("does not declare") }.isEmpty, "\(findings)")
        #expect(findings.contains("17 privilege: volume node-logs is the node's path /var/log: the pod reaches past its own filesystem into the node's"), "\(findings)")
        #expect(findings.contains { $0.hasPrefix("19 reference:") && $0.contains("Secret 'collector-token'") }, "\(findings)")
        #expect(!findings.contains { $0.contains("collector-ca") }, "\(findings)")
    }

    @Test func aPrivilegedDaemonSetAndACronJobReadingAMissingSecretAreFoundAtTheirLines() {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: hft-trading-production}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers:
                  - name: agent
                    image: agent:1
                    securityContext: {privileged: true}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: reconcile, namespace: hft-trading-production}
            spec:
              schedule: "30 22 * * 1-5"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: reconcile
                        image: tools:1
                        env:
                        - name: TOKEN
                          valueFrom: {secretKeyRef: {name: broker-token, key: token}}
            """, file: "team/agents.yaml")
        #expect(reader.diagnostics.diagnostics.isEmpty, "\(reader.diagnostics.diagnostics)")
        let findings = ManifestLint.check(reader.resources).filter { $0.severity == .error }
        let privileged = findings.first { $0.check == "privilege" && $0.message.contains("agent runs privileged") }
        let missing = findings.first { $0.check == "reference" && $0.message.contains("broker-token") }
        #expect(privileged?.location.description == "team/agents.yaml:12", "the container's securityContext; \(findings)")
        #expect(missing?.location.description == "team/agents.yaml:28", "the variable; \(findings)")
    }

    @Test func malformedYAMLIsAFindingNotACrash() {
        var reader = ManifestReader()
        reader.read(yaml: "kind: [unclosed\n", file: "broken.yaml")
        #expect(reader.diagnostics.diagnostics.map(\.check) == ["yaml"])
    }
}
