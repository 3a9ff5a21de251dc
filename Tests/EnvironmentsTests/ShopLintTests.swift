import Foundation
import Testing
import TestSupport

/// `gen lint` over a team's own manifest set (`Tests/Fixtures/shop`: eleven services calling each
/// other, network policies, probes of every kind, a CronJob, an Ingress, no namespaces written):
/// clean as written, then one mistake at a time, each found by the right check at the right line.
@Suite struct ShopLintTests {
    static let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/shop")

    /// One mistake: a replacement in one file, and the finding it must cause, at the line where
    /// `marker` starts in `file` (after the edit), moved by `offset` lines.
    struct Mistake: CustomStringConvertible {
        let name: String
        let edit: (file: String, old: String, new: String)
        let check: String
        let message: String
        let at: (file: String, marker: String, offset: Int)
        var description: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "an ingress policy drops a caller",
                edit: ("network-policies.yaml", "          app: frontend\n    - podSelector:\n        matchLabels:\n          app: checkout\n    ports:\n    - protocol: TCP\n      port: 7070", "          app: frontend\n    ports:\n    - protocol: TCP\n      port: 7070"),
                check: "reachability", message: "checkout → cart:7070, from env CART_SERVICE_ADDR: no ingress policy of Deployment/cart accepts Deployment/checkout on port 7070",
                at: ("cart.yaml", "apiVersion: apps/v1", 0)),
        Mistake(name: "an address names a port the Service does not expose",
                edit: ("checkout.yaml", #"value: "cart:7070""#, #"value: "cart:7071""#),
                check: "reachability", message: "checkout → cart:7071, from env CART_SERVICE_ADDR: Service cart exposes no port 7071 (it exposes 7070)",
                at: ("checkout.yaml", "name: CART_SERVICE_ADDR", 0)),
        Mistake(name: "the egress policies cut DNS",
                edit: ("network-policies.yaml", "    - protocol: UDP\n      port: 53", "    - protocol: UDP\n      port: 5353"),
                check: "reachability", message: "checkout → the cluster DNS, needed to resolve productcatalog, from env PRODUCT_CATALOG_SERVICE_ADDR: no egress policy of checkout's pods allows it (port 53/UDP)",
                at: ("checkout.yaml", "name: PRODUCT_CATALOG_SERVICE_ADDR", 0)),
        Mistake(name: "an address names a Service that does not exist",
                edit: ("checkout.yaml", #"value: "email:5000""#, #"value: "emailservice:5000""#),
                check: "reachability", message: "checkout → emailservice:5000, from env EMAIL_SERVICE_ADDR: the host emailservice.shop.svc.cluster.local names Service emailservice, which does not exist in shop",
                at: ("checkout.yaml", "name: EMAIL_SERVICE_ADDR", 0)),
        Mistake(name: "a caller's egress is narrowed past its callee",
                edit: ("network-policies.yaml", "  name: allow-egress-in-namespace\nspec:\n  podSelector: {}", "  name: allow-egress-in-namespace\nspec:\n  podSelector:\n    matchLabels:\n      app: frontend"),
                check: "reachability", message: "cart → redis-cart:6379, from env REDIS_ADDR: no egress policy of cart's pods allows it (port 6379/TCP)",
                at: ("cart.yaml", "name: REDIS_ADDR", 0)),
        Mistake(name: "an address from a ConfigMap key names an unexposed port",
                edit: ("config.yaml", "catalog: productcatalog:3550", "catalog: productcatalog:3551"),
                check: "reachability", message: "recommendation → productcatalog:3551, from env PRODUCT_CATALOG_SERVICE_ADDR (ConfigMap shop-endpoints key catalog): Service productcatalog exposes no port 3551 (it exposes 3550)",
                at: ("recommendation.yaml", "name: PRODUCT_CATALOG_SERVICE_ADDR", 0)),
        Mistake(name: "a URL in a mounted config file names an unexposed port",
                edit: ("config.yaml", "checkout.shop.svc.cluster.local:5050", "checkout.shop.svc.cluster.local:5051"),
                check: "reachability", message: "nightly-report → checkout:5051, from ConfigMap report-config key report.ini: Service checkout exposes no port 5051 (it exposes 5050)",
                at: ("config.yaml", "  name: report-config", -3)),
        Mistake(name: "a Service selects no pods",
                edit: ("email.yaml", "  selector:\n    app: email", "  selector:\n    app: e-mail"),
                check: "selector", message: "the selector {app=e-mail} matches no workload's pods, so the Service has no endpoints",
                at: ("email.yaml", "kind: Service\n", -1)),
        Mistake(name: "a Service targets a port no pod declares",
                edit: ("email.yaml", "    targetPort: grpc", "    targetPort: 9090"),
                check: "port", message: "targetPort 9090 is not a port the selected pods declare",
                at: ("email.yaml", "  - name: grpc\n    port: 5000", 0)),
        Mistake(name: "a request above its limit",
                edit: ("payment.yaml", "          requests:\n            cpu: 100m", "          requests:\n            cpu: 500m"),
                check: "requests-above-limits", message: "cpu request 500m is above its limit 100m; Kubernetes rejects the pod",
                at: ("payment.yaml", "        resources:", 0)),
        Mistake(name: "a missing Secret",
                edit: ("checkout.yaml", "        - name: ORDERS_CACHE_HOST", "        - name: PAYMENT_TOKEN\n          valueFrom:\n            secretKeyRef:\n              name: payment-keys\n              key: token\n        - name: ORDERS_CACHE_HOST"),
                check: "reference", message: "references Secret 'payment-keys', which is neither defined here nor declared external",
                at: ("checkout.yaml", "name: PAYMENT_TOKEN", 0)),
        Mistake(name: "a missing ServiceAccount",
                edit: ("frontend.yaml", "serviceAccountName: frontend", "serviceAccountName: frontend-sa"),
                check: "reference", message: "references ServiceAccount 'frontend-sa', which is neither defined here nor declared external",
                at: ("frontend.yaml", "  template:", 0)),
        Mistake(name: "a wrong type",
                edit: ("cart.yaml", "  replicas: 2", #"  replicas: "three""#),
                check: "schema", message: #"spec.replicas: expected integer, found "three""#,
                at: ("cart.yaml", "replicas:", 0)),
        Mistake(name: "a port by name where a number belongs",
                edit: ("currency.yaml", "containerPort: 7000", "containerPort: grpc"),
                check: "schema", message: #"spec.template.spec.containers.0.ports.0.containerPort: expected integer, found "grpc""#,
                at: ("currency.yaml", "containerPort: grpc", 0)),
        Mistake(name: "a CronJob's pod mounts a missing ConfigMap",
                edit: ("nightly-report.yaml", "name: report-config", "name: report-cfg"),
                check: "reference", message: "references ConfigMap 'report-cfg', which is neither defined here nor declared external",
                at: ("nightly-report.yaml", "          volumes:", 1)),
        Mistake(name: "a probe on an undeclared port",
                edit: ("ad.yaml", "            port: 9555", "            port: 9556"),
                check: "port", message: "readinessProbe targets port 9556, which container server does not declare",
                at: ("ad.yaml", "readinessProbe:", 0)),
        Mistake(name: "a namespace selector no namespace matches",
                edit: ("network-policies.yaml", "kubernetes.io/metadata.name: ingress-nginx", "kubernetes.io/metadata.name: ingress-ngnix"),
                check: "reachability", message: "the namespace selector {kubernetes.io/metadata.name=ingress-ngnix} matches no namespace's labels, so the rule allows nothing",
                at: ("network-policies.yaml", "  - from:\n    - namespaceSelector:", 0)),
    ]

    /// `gen lint --format json --namespace shop DIRECTORY`: exit status and findings.
    private func lint(_ directory: URL) throws -> (status: Int32, findings: [[String: Any]]) {
        let gen = try TestSupport.builtExecutable("gen")
        let result = try TestSupport.shell("'\(gen)' lint --format json --namespace shop '\(directory.path)'")
        let findings = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        return (result.status, findings)
    }

    @Test func theFixtureAsWrittenLintsClean() throws {
        let (status, findings) = try lint(Self.fixture)
        #expect(status == 0)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("a caller whose pods carry no labels is the only caller of its edges, not every workload")
    func unlabelledCallerIsItsOwnCaller() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("shop")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        let job = copy.appendingPathComponent("nightly-report.yaml")
        let text = try String(contentsOf: job, encoding: .utf8)
        let labels = "        metadata:\n          labels:\n            app: nightly-report\n"
        #expect(text.contains(labels))
        try Data(text.replacingOccurrences(of: labels, with: "").utf8).write(to: job)

        let (status, findings) = try lint(copy)
        #expect(status == 1)
        let reachability = findings.filter { $0["check"] as? String == "reachability" }.compactMap { $0["message"] as? String }
        // The ingress policy that admits the report's pods by their label no longer matches them.
        #expect(reachability.contains("nightly-report → checkout:5050, from ConfigMap report-config key report.ini: no ingress policy of Deployment/checkout accepts CronJob/nightly-report on port 5050"), "\(reachability)")
        #expect(reachability.allSatisfy { $0.hasPrefix("nightly-report → ") }, "\(reachability)")
    }

    @Test(arguments: mistakes)
    func eachMistakeIsFoundAtItsLine(_ mistake: Mistake) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("shop")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        let edited = copy.appendingPathComponent(mistake.edit.file)
        let text = try String(contentsOf: edited, encoding: .utf8)
        let range = try #require(text.range(of: mistake.edit.old), "the edit does not apply to \(mistake.edit.file)")
        try Data(text.replacingCharacters(in: range, with: mistake.edit.new).utf8).write(to: edited)

        let target = try String(contentsOf: copy.appendingPathComponent(mistake.at.file), encoding: .utf8)
        let markerStart = try #require(target.range(of: mistake.at.marker), "marker not in \(mistake.at.file)").lowerBound
        let line = target[..<markerStart].filter { $0 == "\n" }.count + 1 + mistake.at.offset

        let (status, findings) = try lint(copy)
        #expect(status == 1)
        let matching = findings.filter { $0["check"] as? String == mistake.check && $0["message"] as? String == mistake.message }
        #expect(matching.count == 1, "\(mistake.name): \(findings.map { "\($0["check"] ?? "") \($0["message"] ?? "")" })")
        let file = matching.first?["file"] as? String ?? ""
        #expect(file.hasSuffix("/shop/\(mistake.at.file)") && matching.first?["line"] as? Int == line,
                "\(mistake.name): found at \(file):\(matching.first?["line"] ?? "-"), expected \(mistake.at.file):\(line)")
    }
}
