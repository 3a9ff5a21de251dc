import Testing
@testable import InfraDSL

/// Each semantic check with a minimal failing and passing case.
@Suite struct ChecksTests {
    private func findings(_ environment: Environment, _ check: String) -> [Diagnostic] {
        let objects = EnvironmentResolver.resolve(environment).objects.map(\.resource)
        return Checks.run(on: environment, objects: objects).filter { $0.check == check }
    }

    /// Findings as "severity resource-path: message", sorted: what a test pins, so a finding that
    /// moves to another object or says something else fails it, not only one that disappears.
    private func pinned(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.severity) \($0.resourcePath): \($0.message)" }.sorted()
    }

    private let appLabels: Labels = ["app": "engine"]
    private var httpPort: ContainerPort { ContainerPort("http", 8080) }

    private func engine(replicas: Int = 2, security: SecurityContext? = .restricted(runAsUser: 1000), cpu: CPU = .cores(1), mounts: [VolumeMount]? = nil, env: [EnvVar] = []) -> StatefulSet {
        let port = httpPort
        let container = Container("engine", image: "registry.example.com/engine:1") {
            port
            env
            for mount in mounts ?? [VolumeMount("tmp", at: "/tmp")] { mount }
        }
        .resources(ResourceRequirements(requests: ComputeResources(cpu: cpu, memory: .gi(1)), limits: ComputeResources(cpu: cpu, memory: .gi(1))))
        let secured = security.map { container.securityContext($0) } ?? container
        return StatefulSet("engine", selector: appLabels, serviceName: "engine", replicas: replicas, template: PodTemplate {
            secured
            Volume("tmp", .emptyDir())
        })
    }

    private func environment(contract: EnvironmentContract = EnvironmentContract(), @EnvironmentBuilder _ content: () -> [EnvironmentPart]) -> Environment {
        Environment("test", namespace: "test-ns", content).contract(contract)
    }

    // MARK: capacity

    @Test func capacityCountsTheAutoscalersMaximum() {
        let workload = engine(replicas: 2, cpu: .cores(2))
        let tight = environment {
            ResourceQuota("quota", hard: .init(requestsCPU: .cores(8)))
            workload
            HorizontalPodAutoscaler("engine", scaling: workload, minReplicas: 2, maxReplicas: 5, metrics: [.cpuUtilization(70)])
        }
        #expect(pinned(findings(tight, "capacity")) == ["error test/ResourceQuota/quota/spec/hard/requests.cpu: at maximum scale the workloads in test-ns need requests.cpu 10, above the quota's 8; pods past the quota are refused"])
        let roomy = environment {
            ResourceQuota("quota", hard: .init(requestsCPU: .cores(10)))
            workload
            HorizontalPodAutoscaler("engine", scaling: workload, minReplicas: 2, maxReplicas: 5, metrics: [.cpuUtilization(70)])
        }
        #expect(findings(roomy, "capacity").isEmpty)
    }

    @Test func capacityCountsTheContractsScale() {
        let contract = EnvironmentContract()
        var scaled = contract
        scaled.scale = [.init(pods: appLabels, maximum: 20)]
        let workload = engine(replicas: 5, cpu: .cores(4))
        #expect(findings(environment(contract: contract) { ResourceQuota("q", hard: .init(requestsCPU: .cores(64))); workload }, "capacity").isEmpty)
        #expect(pinned(findings(environment(contract: scaled) { ResourceQuota("q", hard: .init(requestsCPU: .cores(64))); workload }, "capacity")) == ["error test/ResourceQuota/q/spec/hard/requests.cpu: at maximum scale the workloads in test-ns need requests.cpu 80, above the quota's 64; pods past the quota are refused"])
    }

    // MARK: reachability

    private func databaseContract(network: String? = nil) -> EnvironmentContract {
        EnvironmentContract(
            dependencies: [.init("database", from: appLabels, to: .host("db.example.internal", network: network ?? "10.0.64.0/20"), port: 5432)],
            externalNamespaces: [.kubeSystem])
    }

    @Test func egressMustAllowTheDatabase() {
        let blocked = environment(contract: databaseContract()) {
            engine()
            NetworkPolicy("deny", policyTypes: [.ingress, .egress])
        }
        #expect(pinned(findings(blocked, "reachability")) == ["error test/StatefulSet/engine/spec/template: no egress policy lets these pods reach the database (db.example.internal port 5432/TCP)"])
        let allowed = environment(contract: databaseContract()) {
            engine()
            NetworkPolicy("deny", policyTypes: [.ingress, .egress])
            NetworkPolicy("db", podSelector: LabelSelector(matchLabels: appLabels), policyTypes: [.egress]) {
                NetworkRule.egress(to: [.ipBlock(cidr: "10.0.0.0/16")], ports: [.tcp(5432)])
            }
        }
        #expect(findings(allowed, "reachability").isEmpty)
        let wrongPort = environment(contract: databaseContract()) {
            engine()
            NetworkPolicy("db", podSelector: LabelSelector(matchLabels: appLabels), policyTypes: [.egress]) {
                NetworkRule.egress(to: [.ipBlock(cidr: "10.0.0.0/16")], ports: [.tcp(5433)])
            }
        }
        #expect(pinned(findings(wrongPort, "reachability")) == ["error test/StatefulSet/engine/spec/template: no egress policy lets these pods reach the database (db.example.internal port 5432/TCP)"])
    }

    @Test func aPodSelectorPeerMeansTheSameNamespaceOnly() {
        let contract = EnvironmentContract(dependencies: [.init("dns", from: appLabels, to: .pods(["k8s-app": "kube-dns"], in: .kubeSystem), port: 53, transport: .udp)], externalNamespaces: [.kubeSystem])
        let sameNamespaceOnly = environment(contract: contract) {
            engine()
            NetworkPolicy("dns", policyTypes: [.egress]) { NetworkRule.egress(to: [.pods(LabelSelector(matchLabels: ["k8s-app": "kube-dns"]))], ports: [.udp(53)]) }
        }
        #expect(pinned(findings(sameNamespaceOnly, "reachability")) == ["error test/StatefulSet/engine/spec/template: no egress policy lets these pods reach the dns ({k8s-app=kube-dns} in kube-system port 53/UDP)"])
        let rightNamespace = environment(contract: contract) {
            engine()
            NetworkPolicy("dns", policyTypes: [.egress]) { NetworkRule.egress(to: [.pods(LabelSelector(matchLabels: ["k8s-app": "kube-dns"]), in: .kubeSystem)], ports: [.udp(53)]) }
        }
        #expect(findings(rightNamespace, "reachability").isEmpty)
    }

    @Test func namespaceSelectorsMustMatchRealLabels() {
        let policy = NetworkPolicy("in", policyTypes: [.ingress]) {
            NetworkRule.ingress(from: [.namespaces(LabelSelector(matchLabels: ["name": "ingress-nginx"]))])
        }
        #expect(pinned(findings(environment { engine(); policy }, "reachability")) == ["error test/NetworkPolicy/in/spec/ingress: the namespace selector {name=ingress-nginx} matches no namespace's labels, so the rule allows nothing"])
        let good = NetworkPolicy("in", policyTypes: [.ingress]) { NetworkRule.ingress(from: [.namespace(.kubeSystem)]) }
        #expect(findings(environment(contract: EnvironmentContract(externalNamespaces: [.kubeSystem])) { engine(); good }, "reachability").isEmpty)
    }

    /// A reference made inline instead of declared once compiles (the initializer is public, so a
    /// package can declare its own namespaces), but a namespace that neither exists here nor is
    /// declared external is found, with the namespace named.
    @Test func anInlineNamespaceReferenceToNoNamespaceIsFound() {
        let policy = NetworkPolicy("dns", policyTypes: [.egress]) {
            NetworkRule.egress(to: [.namespace(NamespaceReference("kubesystem"))], ports: [.udp(53)])
        }
        let contract = EnvironmentContract(externalNamespaces: [.kubeSystem])
        #expect(pinned(findings(environment(contract: contract) { engine(); policy }, "reachability")) == [
            "error test/NetworkPolicy/dns/spec/egress: the namespace selector {kubernetes.io/metadata.name=kubesystem} matches no namespace's labels, so the rule allows nothing",
        ])
    }

    @Test func hostsMustNameNamespacesThatExist() {
        let contract = EnvironmentContract(dependencies: [.init("database", from: appLabels, to: .host("postgres.missing.svc.cluster.local"), port: 5432)])
        let messages = findings(environment(contract: contract) { engine() }, "reachability").map(\.message)
        #expect(messages == ["the database host postgres.missing.svc.cluster.local names namespace missing, which does not exist"])
    }

    @Test func inClusterTargetsMustAcceptTheConnection() {
        let databasePort = ContainerPort("postgres", 5432)
        let database = StatefulSet("db", selector: ["app": "db"], serviceName: "db", replicas: 1, template: PodTemplate {
            Container("db", image: "postgres:15") { databasePort }.securityContext(.restricted(runAsUser: 70))
        })
        let contract = EnvironmentContract(dependencies: [.init("database", from: appLabels, to: .host("db.test-ns.svc.cluster.local"), port: 5432)])
        let closed = environment(contract: contract) {
            Namespace()
            engine()
            database
            Service("db", selecting: database, ports: [ServicePort("postgres", 5432, targetPort: databasePort)], headless: true)
            NetworkPolicy("deny", policyTypes: [.ingress])
        }
        #expect(pinned(findings(closed, "reachability")) == ["error test/StatefulSet/db/spec/template: no ingress policy of StatefulSet/db accepts StatefulSet/engine on port 5432 (the database)"])
        let open = environment(contract: contract) {
            Namespace()
            engine()
            database
            Service("db", selecting: database, ports: [ServicePort("postgres", 5432, targetPort: databasePort)], headless: true)
            NetworkPolicy("deny", policyTypes: [.ingress])
            NetworkPolicy("db", podSelector: LabelSelector(matchLabels: ["app": "db"]), policyTypes: [.ingress]) {
                NetworkRule.ingress(from: [.pods(LabelSelector(matchLabels: appLabels))], ports: [.tcp(.name("postgres"))])
            }
        }
        #expect(findings(open, "reachability").isEmpty)
    }

    // MARK: selector, reference, port

    @Test func selectorsMustSelectAWorkload() {
        let workload = engine()
        let orphan = StatefulSet("other", selector: ["app": "other"], serviceName: "x", template: PodTemplate { Container("c", image: "i:1") })
        let environment = environment {
            workload
            Service("engine", selecting: workload, ports: [ServicePort("http", 8080)])
            PodDisruptionBudget("other", protecting: orphan, .minAvailable(.count(1)))
        }
        #expect(findings(environment, "selector").map(\.resourcePath) == ["test/PodDisruptionBudget/other/spec/selector"])
    }

    @Test func referencesMustExistOrBeDeclaredExternal() {
        let workload = engine(env: [EnvVar("PASSWORD_FILE", from: .secretKey(secret: "creds", key: "password"))])
        let missing = findings(environment { workload }, "reference").map(\.message)
        #expect(missing.contains { $0.contains("Secret 'creds'") })
        #expect(missing.contains { $0.contains("serviceName 'engine' names no Service") })
        let declared = EnvironmentContract(externalObjects: [
            .init(kind: "Secret", name: "creds", reason: "secret store"), .init(kind: "Service", name: "engine", reason: "test"),
        ])
        #expect(findings(environment(contract: declared) { workload }, "reference").isEmpty)
    }

    @Test func scrapeAnnotationMustNameADeclaredPort() {
        let workload = StatefulSet("engine", selector: appLabels, serviceName: "engine", template: PodTemplate(annotations: ["prometheus.io/port": "9090"]) {
            Container("engine", image: "i:1") { ContainerPort("http", 8080) }
        })
        #expect(pinned(findings(environment { workload }, "port")) == ["error test/StatefulSet/engine/spec/template/metadata/annotations: prometheus.io/port 9090 is not a port any container declares, so nothing is scraped"])
    }

    // MARK: writable-path, privilege, secret

    @Test func writablePathsMustBeOnWritableMounts() {
        let contract = EnvironmentContract(paths: [.init(pods: appLabels, container: "engine", path: "/var/log/app", writable: true, reason: "logs")])
        #expect(pinned(findings(environment(contract: contract) { engine() }, "writable-path")) == ["error test/StatefulSet/engine/spec/template/spec/containers/engine/volumeMounts: /var/log/app (logs) is on the read-only root filesystem: mount a writable volume there"])
        let mounted = engine(mounts: [VolumeMount("tmp", at: "/var/log")])
        #expect(findings(environment(contract: contract) { mounted }, "writable-path").isEmpty)
        let readOnly = engine(mounts: [VolumeMount("tmp", at: "/var/log", readOnly: true)])
        #expect(pinned(findings(environment(contract: contract) { readOnly }, "writable-path")) == ["error test/StatefulSet/engine/spec/template/spec/containers/engine/volumeMounts: /var/log/app (logs) is on the read-only mount /var/log"])
    }

    @Test func privilegeIsAnErrorOutsideDevelopmentOnly() {
        let root = engine(security: SecurityContext(privileged: true))
        #expect(pinned(findings(environment { root }, "privilege")) == [
            "error test/StatefulSet/engine/spec/template/spec/containers/engine/securityContext: container engine may escalate privileges: set allowPrivilegeEscalation to false",
            "error test/StatefulSet/engine/spec/template/spec/containers/engine/securityContext: container engine may run as root: set runAsNonRoot and a non-zero runAsUser",
            "error test/StatefulSet/engine/spec/template/spec/containers/engine/securityContext: container engine runs privileged: it has every capability of the node",
        ])
        #expect(findings(environment { engine() }, "privilege").isEmpty)
        let development = Environment.development("dev", namespace: "dev-ns") { root }
        #expect(findings(development, "privilege").isEmpty)
    }

    @Test func literalCredentialsAreErrorsOutsideDevelopment() {
        // A `_FILE` variable naming a mounted file is where a credential is, not one; a value that
        // is no path is.
        let leaky = engine(env: [
            EnvVar("DATABASE_PASSWORD", "hunter2"), EnvVar("DATABASE_URL", "postgresql://u:p@db:5432/x"), EnvVar("LOG_LEVEL", "info"),
            EnvVar("DATABASE_PASSWORD_FILE", "/var/run/secrets/database/password"), EnvVar("API_TOKEN_FILE", "hunter2"),
        ])
        #expect(pinned(findings(environment { leaky; ConfigMap("c", data: ["api-token": "x"]) }, "secret")) == [
            "error test/ConfigMap/c/data/api-token: entry api-token holds a credential; ConfigMaps are not secret",
            "error test/StatefulSet/engine/spec/template/spec/containers/engine/env/API_TOKEN_FILE: environment variable API_TOKEN_FILE holds a literal credential; use a secretKeyRef",
            "error test/StatefulSet/engine/spec/template/spec/containers/engine/env/DATABASE_PASSWORD: environment variable DATABASE_PASSWORD holds a literal credential; use a secretKeyRef",
            "error test/StatefulSet/engine/spec/template/spec/containers/engine/env/DATABASE_URL: environment variable DATABASE_URL holds a literal credential; use a secretKeyRef",
        ])
        let development = Environment.development("dev", namespace: "dev-ns") {
            leaky
            LiteralSecret("creds", stringData: ["password": "dev-only"])
        }
        #expect(findings(development, "secret").isEmpty)
        var reader = ManifestReader()
        reader.read(yaml: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: x\n", file: "secret.yaml")
        let restricted = Environment("prod", namespace: "prod", kind: .restricted, location: SourceLocation(path: "secret.yaml", line: 1), parts: reader.resources.map { .resource($0) })
        #expect(pinned(findings(restricted, "secret")) == ["error prod/Secret/creds/stringData: Secret creds holds literal values; outside development, create it from the secret store and declare it external"])
    }

    // MARK: availability

    @Test func budgetsMustLeaveRoomToEvict() {
        let workload = engine(replicas: 3)
        #expect(pinned(findings(environment { workload; PodDisruptionBudget("b", protecting: workload, .minAvailable(.count(3))) }, "availability")) == ["error test/PodDisruptionBudget/b/spec/minAvailable: minAvailable 3 is not below the 3 replicas StatefulSet/engine may run, so no pod can ever be evicted and node drains hang"])
        #expect(findings(environment { workload; PodDisruptionBudget("b", protecting: workload, .minAvailable(.count(2))) }, "availability").isEmpty)
    }

    @Test func nodeSelectionMustMatchNodesThatExist() {
        let pools = EnvironmentContract(nodePools: [.init("fast", labels: ["pool": "fast"], nodes: 3)])
        func placed(_ selector: Labels, replicas: Int) -> StatefulSet {
            let labels = appLabels
            return StatefulSet("engine", selector: labels, serviceName: "engine", replicas: replicas, template: PodTemplate {
                Container("engine", image: "i:1")
            }
            .nodeSelector(selector)
            .affinity(Affinity(requiredPodAntiAffinity: [PodAffinityTerm(selector: LabelSelector(matchLabels: labels), topologyKey: "kubernetes.io/hostname")])))
        }
        #expect(findings(environment(contract: pools) { placed(["pool": "fast"], replicas: 3) }, "availability").isEmpty)
        #expect(pinned(findings(environment(contract: pools) { placed(["pool": "fast"], replicas: 4) }, "availability")) == ["error test/StatefulSet/engine/spec/template/spec/affinity: required anti-affinity puts one pod per node, but only 3 matching nodes exist for up to 4 replicas"])
        #expect(pinned(findings(environment(contract: pools) { placed(["availability-zone": "a"], replicas: 1) }, "availability")) == [
            "error test/StatefulSet/engine/spec/template/spec/nodeSelector: no declared node pool matches the pods' node selection",
            "error test/StatefulSet/engine/spec/template/spec/nodeSelector: node label 'availability-zone' is not the label nodes carry for that: use topology.kubernetes.io/zone or topology.kubernetes.io/region; no node matches and the pods never schedule",
        ])
    }

    // MARK: parity

    @Test func laterTiersMustBeAtLeastAsStrict() {
        let containerLine = #line + 2
        func tier(_ name: String, tls: Int, image: String) -> (Environment, [any Resource]) {
            let workload = StatefulSet("engine", selector: appLabels, serviceName: "engine", template: PodTemplate { Container("engine", image: image) })
            let environment = Environment(name, namespace: name) { workload }
                .contract(EnvironmentContract(parity: [.init("min_tls", value: "\(tls)", strictness: tls)]))
            return (environment, EnvironmentResolver.resolve(environment).objects.map(\.resource))
        }
        let good = ParityCheck.run([tier("staging", tls: 3, image: "r/engine:1"), tier("production", tls: 3, image: "r/engine:2")])
        #expect(good.isEmpty)
        let bad = ParityCheck.run([tier("staging", tls: 3, image: "r/engine:1"), tier("production", tls: 2, image: "other/engine:1")])
        #expect(pinned(bad) == [
            "error production/StatefulSet/engine: StatefulSet/engine/engine runs other/engine here but r/engine earlier (Tests/InfraDSLTests/ChecksTests.swift:\(containerLine)); environments must differ in configuration, not code",
            "error production/contract/min_tls: min_tls is 2 here, weaker than 3 in staging",
        ])
    }
}
