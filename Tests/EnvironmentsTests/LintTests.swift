import Environments
import Foundation
import InfraDSL
import Testing
import TestSupport

/// `gen lint` over the system we replace, and over our own output.
@Suite struct LintTests {
    static let seed = "Tests/Fixtures/seed/kubernetes"
    static let snapshot = TestSupport.packageRoot.appendingPathComponent("Tests/Snapshots/seed-lint.json")

    /// What `gen lint --format json DIR` prints, computed in-process with paths relative to the package.
    private func lintJSON(_ directory: String) throws -> (String, [Diagnostic]) {
        let root = TestSupport.packageRoot
        let files = (FileManager.default.enumerator(atPath: root.appendingPathComponent(directory).path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var reader = ManifestReader()
        for file in files {
            reader.read(yaml: try String(contentsOf: root.appendingPathComponent("\(directory)/\(file)"), encoding: .utf8), file: "\(directory)/\(file)")
        }
        let diagnostics = reader.diagnostics.diagnostics + ManifestLint.check(reader.resources)
        return (DiagnosticReport.render(diagnostics, as: .json), diagnostics)
    }

    @Test func seedLintMatchesItsSnapshot() throws {
        let (json, _) = try lintJSON(Self.seed)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(json.utf8).write(to: Self.snapshot)
            Issue.record("recorded \(Self.snapshot.lastPathComponent); read its diff, then run again without RECORD_SNAPSHOTS")
            return
        }
        let committed = (try? String(contentsOf: Self.snapshot, encoding: .utf8)) ?? ""
        let diff = UnifiedDiff.diff(old: committed, new: json, oldName: "Tests/Snapshots/seed-lint.json", newName: "gen lint output")
        #expect(diff.isEmpty, "\(diff)")
    }

    /// The seed's known mistakes, each found by the check that should find it.
    @Test func seedLintFindsTheSeedsMistakes() throws {
        let (_, diagnostics) = try lintJSON(Self.seed)
        func found(_ check: String, _ fragment: String) -> Bool {
            diagnostics.contains { $0.check == check && $0.severity == .error && $0.message.contains(fragment) }
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
    }

    @Test func ourOwnOutputLintsWithoutErrors() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Generator.generate(Catalog.environments, into: OutputDirectory(root: directory))
        var reader = ManifestReader()
        for environment in Catalog.environments {
            let base = directory.appendingPathComponent("\(environment.name)/kubernetes")
            for file in try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() where file != "kustomization.yaml" {
                reader.read(yaml: try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8), file: file)
            }
        }
        let unknownFields = reader.diagnostics.diagnostics.filter { $0.check == "lint" }
        #expect(unknownFields.isEmpty, "the reader does not know fields we render: \(unknownFields.map(\.description))")
        let errors = ManifestLint.check(reader.resources).filter { $0.severity == .error }
        // Secrets and priority classes managed outside the manifests are declared in our Swift
        // contract, which plain manifests cannot carry: those are the only errors expected.
        let unexpected = errors.filter { !($0.check == "reference" && $0.message.contains("Secret 'database-credentials'")) }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.description).joined(separator: "\n"))")
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
            "31 quantity: '4 cores' is not a CPU quantity",
        ])
        #expect(reader.resources.map(\.identity) == ["ConfigMap/a", "Deployment/d"])
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
