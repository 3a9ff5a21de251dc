import Testing
@testable import InfraDSL

/// `gen lint` on awkward YAML: merge keys and aliases, minified lines, malformed and very deep
/// documents, big files. Nothing crashes, nothing is dropped silently, messages stay short.
@Suite struct HonestReadingTests {
    @Test("files read at once on every core give what reading them one after another gives, in order")
    func filesReadInParallelAsInSequence() {
        let files = (0..<300).map { index in
            (yaml: """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings-\(index), namespace: team-\(index % 7)}
                data: {MODE: live}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: app-\(index), namespace: team-\(index % 7)}
                \(index % 10 == 0 ? "automountToken: false" : "automountServiceAccountToken: false")
                """, file: "objects-\(index).yaml")
        }
        var sequential = ManifestReader()
        for file in files { sequential.read(yaml: file.yaml, file: file.file) }
        var parallel = ManifestReader()
        parallel.read(files: files)
        #expect(parallel.resources.map { "\($0.metadata.namespace ?? "")/\($0.identity)" } == sequential.resources.map { "\($0.metadata.namespace ?? "")/\($0.identity)" })
        #expect(parallel.objects.map(\.location) == sequential.objects.map(\.location))
        #expect(parallel.diagnostics.diagnostics.map(\.description) == sequential.diagnostics.diagnostics.map(\.description))
        #expect(parallel.diagnostics.diagnostics.count == 30, "one unknown field in every tenth file")
        #expect(parallel.resources.count == 600)
    }

    private func read(_ yaml: String) -> ManifestReader { ManifestReading.read(yaml) }
    private func findings(_ reader: ManifestReader) -> [String] { ManifestReading.findings(reader) }

    @Test func mergeKeysAndAliasesAreResolvedAsKubectlDoes() throws {
        let reader = read("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: &meta {name: a, namespace: shop, labels: {app: shop}}
              data: &data {mode: fast}
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                <<: *meta
                name: b
              data: *data
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              "<<": {name: c}
              name: c
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: *meta
            """)
        #expect(reader.resources.map(\.identity) == ["ConfigMap/a", "ConfigMap/b", "ConfigMap/c"])
        let merged = try #require(reader.resources[1] as? ConfigMap)
        #expect(merged.metadata.namespace == "shop" && merged.metadata.labels == ["app": "shop"], "\(merged.metadata)")
        #expect(merged.data == ["mode": "fast"])
        #expect(findings(reader) == [
            // kubectl reads each document alone: an anchor of another document is unknown.
            "23 yaml: malformed YAML: found undefined alias 'meta'",
            // A quoted "<<" is an ordinary key, and not one ObjectMeta has.
            "18 schema: metadata.<<: unknown field",
        ])
    }

    @Test func aLongValueIsCutInItsMessage() {
        let long = String(repeating: "x", count: 40_000)
        let reader = read("""
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec: {type: \(long), ports: [{port: 80}]}
            """)
        let messages = reader.diagnostics.diagnostics.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.allSatisfy { $0.count < 200 }, "\(messages.map(\.count))")
        #expect(messages.first?.contains("… (40000 characters)") == true)
    }

    @Test func malformedYAMLIsOneShortFindingAtItsLineAndTheDocumentsBeforeItAreRead() {
        let long = String(repeating: "y", count: 40_000)
        let reader = read("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: before}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: broken}
            data: {k: "\(long)", bad: [unclosed
            """)
        #expect(reader.resources.map(\.identity) == ["ConfigMap/before"])
        #expect(findings(reader) == ["9 yaml: malformed YAML: did not find expected ',' or ']' at column 1 (while parsing a flow sequence at line 8)"])
    }

    @Test func veryDeepNestingIsAFindingNotACrash() {
        var deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nbinaryData:\n"
        for level in 1...3_000 { deep += String(repeating: "  ", count: level) + "a:\n" }
        let reader = read(deep)
        #expect(reader.resources.isEmpty)
        let finding = reader.diagnostics.diagnostics.first
        #expect(finding?.check == "yaml" && finding?.message.contains("nesting") == true, "\(findings(reader))")
        #expect((finding?.message.count ?? 0) < 200)
    }

    @Test func aBigFileIsReadWhole() {
        let objects = (0..<2_000).map { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config-\($0)}\ndata: {index: \"\($0)\"}\n" }
        let reader = read(objects.joined(separator: "---\n"))
        #expect(reader.resources.count == 2_000)
        #expect(reader.diagnostics.diagnostics.isEmpty)
        #expect(reader.resources.last?.location.line == 2_000 * 5 - 4)
    }

    @Test func whatTheAPIServerWroteIntoMetadataIsNotAFinding() {
        // As `kubectl get -o yaml` writes objects: uid, resourceVersion, timestamps, owners.
        let reader = read("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: settings, uid: 0b6c, resourceVersion: "42", creationTimestamp: "2026-01-02T03:04:05Z"}
            - apiVersion: batch/v1
              kind: CronJob
              metadata: {name: nightly, generation: 3, finalizers: [example.com/keep]}
              spec:
                schedule: "0 1 * * *"
                jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: job, image: "job:1"}]}}}}
            """)
        #expect(reader.resources.map(\.identity) == ["ConfigMap/settings", "CronJob/nightly"])
        var context = ValidationContext(environment: "default")
        for resource in reader.resources { resource.validate(&context) }
        let metadata = (reader.diagnostics.diagnostics + context.diagnostics.diagnostics).filter { $0.check == "metadata" }
        #expect(metadata.isEmpty, "\(metadata)")
    }
}
