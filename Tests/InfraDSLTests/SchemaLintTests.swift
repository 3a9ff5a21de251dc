import InfraDSL
import Testing

/// `gen lint` reads every object of a generated kind against its schema.
@Suite struct SchemaLintTests {
    private func lint(_ yaml: String) -> [Diagnostic] {
        var reader = ManifestReader()
        reader.read(yaml: yaml, file: "team/app.yaml")
        return reader.diagnostics.diagnostics
    }

    private func findings(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.severity) \($0.check) \($0.location.path):\($0.location.line) \($0.message)" }
    }

    @Test func wrongTypesAndUnknownFieldsAreErrorsAtTheirLines() {
        let diagnostics = lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: three
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: web:1
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              portz:
              - port: 80
            """)
        #expect(findings(diagnostics) == [
            "error schema team/app.yaml:6 spec.replicas: expected integer, found \"three\"",
            "warning lint team/app.yaml:1 kind Deployment does not match its schema, so the semantic checks do not read it",
            "error schema team/app.yaml:23 spec.portz: unknown field",
        ])
    }

    @Test func fieldsBeyondTheHandWrittenModelAreReadWithoutWarnings() {
        let diagnostics = lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
                matchExpressions:
                - {key: tier, operator: In, values: [frontend]}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  restartPolicy: Always
                  containers:
                  - name: web
                    image: web:1
                    livenessProbe:
                      grpc: {port: 9000}
                      timeoutSeconds: 2
                    readinessProbe:
                      httpGet:
                        path: /ready
                        port: 8080
                        httpHeaders: [{name: X-Probe, value: "1"}]
            """)
        #expect(findings(diagnostics).filter { $0.contains("schema") } == [])
    }

    @Test func aRemovedAPIVersionIsAnErrorAndAForeignKindAWarning() {
        let diagnostics = lint("""
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {size: 3}
            """)
        #expect(findings(diagnostics) == [
            "error schema team/app.yaml:1 apiVersion policy/v1beta1 does not serve PodDisruptionBudget (removed or misspelt); use policy/v1",
            "warning schema team/app.yaml:6 example.com/v1 Widget is outside the generated API: its fields are not checked against a schema",
            "warning lint team/app.yaml:6 kind Widget is not in the model: kept, not checked",
        ])
    }

    @Test func generatedKindsWithoutAnIntentTypeAreReadAsWorkloads() throws {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: reconcile, namespace: ops}
            spec:
              schedule: "30 22 * * 1-5"
              concurrencyPolicy: Forbid
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: reconcile, image: "tools:1"}]
            """, file: "team/app.yaml")
        #expect(findings(reader.diagnostics.diagnostics) == [])
        let workload = try #require(reader.resources.first as? any Workload)
        #expect(workload.identity == "CronJob/reconcile")
        #expect(workload.metadata.namespace == "ops")
        #expect(workload.template.containers.map(\.name) == ["reconcile"])
        #expect(workload.location.line == 1)
    }

    @Test func anUnknownFieldIsAnErrorAndTheRestOfTheObjectIsStillChecked() throws {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                spec:
                  containers: [{name: agent, image: "agent:1", privileged: true}]
            """, file: "team/app.yaml")
        #expect(findings(reader.diagnostics.diagnostics) == [
            "error schema team/app.yaml:8 spec.template.spec.containers.0.privileged: unknown field",
        ])
        let workload = try #require(reader.resources.first as? any Workload)
        #expect(workload.template.containers.map(\.image) == ["agent:1"])
    }

    @Test func aWrongTypeLeavesTheObjectOutOfTheChecksAndSaysSo() {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                spec:
                  containers: [{name: agent, image: "agent:1", ports: [{containerPort: metrics}]}]
            """, file: "team/app.yaml")
        #expect(findings(reader.diagnostics.diagnostics) == [
            "error schema team/app.yaml:8 spec.template.spec.containers.0.ports.0.containerPort: expected integer, found \"metrics\"",
            "warning lint team/app.yaml:1 kind DaemonSet does not match its schema, so the semantic checks do not read it",
        ])
        #expect(reader.resources.isEmpty)
    }

    @Test func anAutoscalerKeepsEveryMetricItWasGiven() throws {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: shop}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 6
              metrics:
              - type: Pods
                pods:
                  metric: {name: requests_per_second}
                  target: {type: AverageValue, averageValue: "50"}
              - type: Resource
                resource: {name: memory, target: {type: Utilization, averageUtilization: 75}}
            """, file: "team/hpa.yaml")
        #expect(findings(reader.diagnostics.diagnostics) == [])
        let autoscaler = try #require(reader.resources.first as? HorizontalPodAutoscaler)
        #expect(autoscaler.metrics == [.memoryUtilization(75)])
        #expect(autoscaler.object.spec?.metrics?.map(\.type.rawValue) == ["Pods", "Resource"], "a metric the intent type cannot name is kept")
        var context = ValidationContext(environment: "shop")
        autoscaler.validate(&context)
        #expect(context.diagnostics.diagnostics.isEmpty, "\(context.diagnostics.diagnostics)")
    }

    @Test func anAutoscalerWithOnlyMetricsTheIntentTypeCannotNameIsValid() throws {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: shop}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 6
              metrics:
              - type: External
                external:
                  metric: {name: queue_depth}
                  target: {type: Value, value: "100"}
            """, file: "team/hpa.yaml")
        let autoscaler = try #require(reader.resources.first as? HorizontalPodAutoscaler)
        #expect(autoscaler.metrics.isEmpty)
        var context = ValidationContext(environment: "shop")
        autoscaler.validate(&context)
        #expect(context.diagnostics.diagnostics.isEmpty, "\(context.diagnostics.diagnostics)")
    }

    @Test func aValueTheSchemaDoesNotListIsAnErrorAtItsLineInAKindWithAnIntentType() {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: web:1
                    imagePullPolicy: Sometimes
            """, file: "team/app.yaml")
        #expect(findings(reader.diagnostics.diagnostics) == [
            "error schema team/app.yaml:12 'Sometimes' is not a value the schema lists for this field",
        ])
    }

    @Test func anAffinityTermIsReadAtItsLine() throws {
        var reader = ManifestReader()
        reader.read(yaml: """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "web:1"}]
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 50
                        podAffinityTerm:
                          labelSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}
                          topologyKey: kubernetes.io/hostname
            """, file: "team/app.yaml")
        let workload = try #require(reader.resources.first as? any Workload)
        let affinity = try #require(workload.template.affinity)
        #expect(affinity.preferredPodAntiAffinity.map(\.weight) == [50])
        #expect(affinity.preferredPodAntiAffinity.first?.term.selector.matches(["app": "web"]) == true)
        #expect(affinity.location.line == 10)
    }

    @Test func aListsItemsAreObjectsAndANamespacedObjectWithoutANamespaceGetsTheDefault() {
        var reader = ManifestReader(defaultNamespace: "default")
        reader.read(yaml: """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: settings}
            - apiVersion: scheduling.k8s.io/v1
              kind: PriorityClass
              metadata: {name: high}
              value: 1000
            ---
            title: release notes
            ---
            """, file: "team/list.yaml")
        #expect(reader.resources.map(\.identity) == ["ConfigMap/settings", "PriorityClass/high"])
        #expect(reader.resources.map(\.metadata.namespace) == ["default", nil], "a cluster-scoped object gets no namespace")
        #expect(reader.resources.first?.location.line == 4)
        #expect(findings(reader.diagnostics.diagnostics) == [
            "warning lint team/list.yaml:12 a document that is not a Kubernetes object (no kind) is skipped",
        ])
    }
}
