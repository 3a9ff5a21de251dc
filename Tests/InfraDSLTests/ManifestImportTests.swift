@testable import InfraDSL
import Testing

/// `gen import`'s planning and writing, in process: which file each object lands in, when the
/// intent layer is used, what is left out and said. The test command builds a package it wrote
/// and checks its round trip (`scripts/import-check.sh`).
@Suite struct ManifestImportTests {
    /// The package for `yaml`, read as `gen import` reads it.
    private func imported(_ yaml: String, namespace: String = "default") -> ManifestImport.Package {
        var reader = ManifestReader(defaultNamespace: namespace)
        reader.read(yaml: yaml, file: "input.yaml")
        let options = ManifestImport.Options(name: "Imported", dependencyPath: "../infradsl", dependencyIdentity: "infradsl", defaultNamespace: namespace)
        return ManifestImport.package(reader.objects, options: options)
    }

    private func file(_ package: ManifestImport.Package, _ path: String) -> String {
        package.files.first { $0.path == path }?.contents ?? "(no file \(path); files: \(package.files.map(\.path)))"
    }

    private static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: web:1.0
                  envFrom: [{configMapRef: {name: web-settings}}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker, namespace: shop}
        spec:
          selector: {matchLabels: {app: worker}}
          template:
            metadata: {labels: {app: worker, group: shop}}
            spec:
              containers: [{name: worker, image: worker:1.0}]
        """

    @Test("a Service and a budget that are exactly what the intent layer builds are written with it")
    func intentLayerWhereItFitsExactly() {
        let package = imported(Self.web + """

            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop, labels: {team: storefront}}
            spec:
              type: ClusterIP
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web-defaults, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: 8080}]
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web, namespace: shop}
            spec:
              maxUnavailable: 25%
              selector: {matchLabels: {app: web}}
            """)
        let web = file(package, "Sources/Imported/Shop/Web.swift")
        #expect(web.contains("""
                    static let service = Service("web", selecting: deployment, ports: [
                        ServicePort("http", 80, targetPort: 8080),
                    ])
                        .labels(["team": "storefront"])
            """), "\(web)")
        #expect(web.contains("""
            static let podDisruptionBudget = PodDisruptionBudget("web", protecting: deployment, .maxUnavailable(.percent(25)))
            """), "\(web)")
        // No `type` and no `protocol`: the intent layer would state both, so the object would change.
        #expect(web.contains("static let webDefaultsService = APIObject(CoreV1.Service("), "\(web)")
        #expect(web.contains("static let deployment = APIObject(AppsV1.Deployment("), "\(web)")
    }

    @Test("an object joins the application whose pods alone it serves or names; others form kind groups")
    func objectsJoinTheirApplication() {
        let package = imported(Self.web + """

            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-settings, namespace: shop}
            data: {MODE: live}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: worker-ingress, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: worker}}
              policyTypes: [Ingress]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: everyone, namespace: shop}
            spec:
              selector: {group: shop}
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: both, namespace: shop}
            spec:
              selector: {}
              ports: [{port: 81}]
            """)
        let web = file(package, "Sources/Imported/Shop/Web.swift")
        #expect(web.contains("static let configMap = APIObject(CoreV1.ConfigMap("), "\(web)")
        let worker = file(package, "Sources/Imported/Shop/Worker.swift")
        #expect(worker.contains("static let networkPolicy = APIObject(NetworkingV1.NetworkPolicy("), "\(worker)")
        // `group: shop` selects only the worker's pods: it is the worker's Service.
        #expect(worker.contains("static let service = APIObject(CoreV1.Service("), "\(worker)")
        // An empty selector selects no single application.
        let services = file(package, "Sources/Imported/Shop/Services.swift")
        #expect(services.contains("static let both = APIObject(CoreV1.Service("), "\(services)")
        let environment = file(package, "Sources/Imported/Shop/Shop.swift")
        #expect(environment.contains("""
                    Environment("shop", namespace: "shop") {
                        Web.objects
                        Worker.objects
                        Services.objects
                    }
            """), "\(environment)")
        #expect(package.notes.isEmpty)
    }

    @Test("status and the API server's metadata are left out, and said")
    func serverFieldsAreLeftOutAndReported() {
        let package = imported("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              uid: 6f1c
              resourceVersion: "42"
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '{}'
                owner: team-a
            data: {A: b}
            """)
        let groups = file(package, "Sources/Imported/Default/Configuration.swift")
        #expect(groups.contains("""
            metadata: MetaV1.ObjectMeta(name: "settings", annotations: ["owner": "team-a"])
            """), "\(groups)")
        #expect(!groups.contains("6f1c") && !groups.contains("last-applied"))
        #expect(package.notes.map(\.description) == [
            "input.yaml:1: warning: [import] metadata.annotations[kubectl.kubernetes.io/last-applied-configuration], metadata.resourceVersion, metadata.uid left out: the API server sets them, an environment does not (at default/ConfigMap/settings)",
        ])
    }

    @Test("a namespace with Secrets becomes a development environment, and that is said")
    func secretsMakeADevelopmentEnvironment() {
        let package = imported("""
            apiVersion: v1
            kind: Secret
            metadata: {name: token, namespace: dev}
            stringData: {TOKEN: abc}
            """)
        #expect(file(package, "Sources/Imported/Dev/Dev.swift").contains("Environment.development(\"dev\", namespace: \"dev\") {"))
        let secrets = file(package, "Sources/Imported/Dev/Secrets.swift")
        #expect(secrets.contains("@DevelopmentEnvironmentBuilder static var objects"), "\(secrets)")
        #expect(secrets.contains("static let token = CoreV1.Secret("), "\(secrets)")
        #expect(package.notes.count == 1 && package.notes[0].message.hasPrefix("namespace dev holds Secret objects"))
    }

    @Test("several namespaces: one environment each, files named by namespace and group, a Namespace object in its own")
    func severalNamespaces() {
        let package = imported("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: b}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: b}
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: urgent}
            value: 1000
            """, namespace: "b")
        #expect(package.environments == ["a", "b"])
        let paths = Set(package.files.map(\.path))
        #expect(paths.isSuperset(of: [
            "Sources/Imported/A/A+Configuration.swift", "Sources/Imported/B/B+Configuration.swift",
            "Sources/Imported/B/B+Namespaces.swift", "Sources/Imported/B/B+Scheduling.swift", "Package.swift",
        ]), "\(paths.sorted())")
        #expect(file(package, "Sources/Imported/main.swift").contains("    A.environment,\n    B.environment,\n"))
        #expect(file(package, "Package.swift").contains(#".package(path: "../infradsl")"#))
    }

    @Test("strings are written as literals that read back as the same text")
    func stringLiterals() {
        #expect(SwiftSourceWriter.stringLiteral(#"say "hi" \ bye"#, depth: 0) == #""say \"hi\" \\ bye""#)
        #expect(SwiftSourceWriter.stringLiteral("a\tb\r\n\u{7}", depth: 0) == #""a\tb\r\n\u{7}""#)
        #expect(SwiftSourceWriter.stringLiteral("Grüße ✓", depth: 0) == "\"Grüße ✓\"")
        // Text of several lines reads as the file it is.
        #expect(SwiftSourceWriter.stringLiteral("key: \"v\"\n\nend\n", depth: 1) == "#\"\"\"\n        key: \"v\"\n\n        end\n\n        \"\"\"#")
        // A raw literal cannot hold a raw escape: escaped on one line instead.
        #expect(SwiftSourceWriter.stringLiteral("a \\#(b)\nc", depth: 0) == ##""a \\#(b)\nc""##)
    }

    @Test("names are Swift identifiers, unique in their scope")
    func names() {
        #expect(ImportNaming.typeName("checkout-service") == "CheckoutService")
        #expect(ImportNaming.typeName("2fa") == "N2fa")
        #expect(ImportNaming.propertyName("default") == "`default`")
        #expect(ImportNaming.propertyName("redis.cache_v2") == "redisCacheV2")
        var scope = ImportNaming(reserved: ["Service"])
        #expect(scope.claim("Service", else: "ServiceDeployment") == "ServiceDeployment")
        #expect(scope.claim("Service", else: "ServiceDeployment") == "ServiceDeployment2")
    }
}
