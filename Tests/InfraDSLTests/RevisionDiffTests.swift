import Foundation
import Testing
@testable import InfraDSL

/// `gen diff --against`: an environment now against an earlier output of it, over pairs of trees.
@Suite struct RevisionDiffTests {
    /// What may change between the two revisions of the test environment.
    struct Revision {
        var image = "shop/web:1.0"
        var replicas = 2
        var configName = "web-config"
        var extraConfig = false
        var allowDatabase = true
        var variables = [("LOG_LEVEL", "info"), ("REGION", "eu-west-1")]
    }

    static func environment(_ revision: Revision) -> Environment {
        let port = ContainerPort("http", 8080)
        let template = PodTemplate {
            Container("web", image: revision.image) {
                for (name, value) in revision.variables { EnvVar(name, value) }
                port
            }
            .securityContext(.restricted(runAsUser: 10001))
        }
        let web = Deployment("web", selector: ["app": "web"], replicas: revision.replicas, template: template)
        let database = ContainerPort("postgres", 5432)
        let db = StatefulSet("db", selector: ["app": "db"], serviceName: "db", replicas: 1, template: PodTemplate {
            Container("db", image: "postgres:16") { database }.securityContext(.restricted(runAsUser: 10002))
        })
        return Environment("shop", namespace: "shop") {
            Namespace()
            ConfigMap(revision.configName, data: ["mode": "fast", "owner": "team-shop", "tier": "web"])
            if revision.extraConfig { ConfigMap("feature-flags", data: ["beta": "off"]) }
            web
            db
            Service("db", selecting: db, ports: [ServicePort("postgres", 5432, targetPort: database)], headless: true)
            NetworkPolicy("default-deny", policyTypes: [.egress])
            if revision.allowDatabase {
                NetworkPolicy("web-to-db", podSelector: LabelSelector(matchLabels: ["app": "web"]), policyTypes: [.egress]) {
                    NetworkRule.egress(to: [.pods(LabelSelector(matchLabels: ["app": "db"]))], ports: [.tcp(5432)])
                }
            }
        }
        .contract(EnvironmentContract(dependencies: [
            .init("database", from: ["app": "web"], to: .host("db.shop.svc.cluster.local"), port: 5432),
        ]))
    }

    /// The earlier revision written as `gen` writes it, into a fresh directory.
    static func tree(_ revision: Revision, layout: ManifestLayout = .files) throws -> RenderedTree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("revision-\(UUID().uuidString)")
        try Generator.write(try Generator.renderAll([environment(revision)], layout: layout), into: OutputDirectory(root: root))
        return RenderedTree(root: root)
    }

    static func review(_ before: Revision, _ after: Revision, layout: ManifestLayout = .files) throws -> RevisionDiff {
        let tree = try tree(before, layout: layout)
        defer { try? FileManager.default.removeItem(at: tree.root) }
        return try RevisionDiff.compare(environment(after), against: tree, critical: false)
    }

    @Test func noChangeIsNoChange() throws {
        for layout in [ManifestLayout.files, .stream] {
            let review = try Self.review(Revision(), Revision(), layout: layout)
            #expect(!review.hasChanges, "\(layout): \(review.diff.entries)")
            #expect(review.existedBefore)
        }
    }

    @Test func anAddedAndARemovedObject() throws {
        let added = try Self.review(Revision(), Revision(extraConfig: true))
        #expect(added.diff.entries == [.added(identity: "ConfigMap/feature-flags")])
        let removed = try Self.review(Revision(extraConfig: true), Revision())
        #expect(removed.diff.entries == [.removed(identity: "ConfigMap/feature-flags")])
    }

    @Test func aChangedImageAndScaleAreFlagged() throws {
        let review = try Self.review(Revision(), Revision(image: "shop/web:1.1", replicas: 3))
        guard case .changed(let identity, let changes)? = review.diff.entries.first, review.diff.entries.count == 1 else {
            Issue.record("\(review.diff.entries)")
            return
        }
        #expect(identity == "Deployment/web")
        #expect(changes.map(\.path) == ["spec.replicas", "spec.template.spec.containers[web].image"])
        #expect(changes.map(\.to) == ["3", "shop/web:1.1"])
        #expect(RevisionDiff.flags(of: review.diff.entries[0]) == [.image, .scale])
        #expect(review.diff.images.differences.map(\.to) == ["shop/web:1.1"])
    }

    @Test func aRenamedObjectIsPairedWithItsEarlierName() throws {
        let review = try Self.review(Revision(), Revision(configName: "web-settings"))
        #expect(review.diff.entries == [.renamed(kind: "ConfigMap", from: "web-config", to: "web-settings", changes: [])])
    }

    @Test func reorderedNamedListItemsAreNoChange() throws {
        let review = try Self.review(Revision(), Revision(variables: [("REGION", "eu-west-1"), ("LOG_LEVEL", "info")]))
        #expect(!review.hasChanges, "\(review.diff.entries)")
    }

    @Test func aRemovedAllowanceIsFlaggedWithWhatItNowBlocks() throws {
        let review = try Self.review(Revision(), Revision(allowDatabase: false))
        #expect(review.diff.entries == [.removed(identity: "NetworkPolicy/web-to-db")])
        #expect(RevisionDiff.flags(of: review.diff.entries[0]) == [.network])
        #expect(review.nowBlocked.count == 1)
        #expect(review.nowBlocked.first?.hasPrefix("Deployment/web: ") == true, "\(review.nowBlocked)")
        #expect(review.nowBlocked.first?.contains("db.shop.svc.cluster.local") == true, "\(review.nowBlocked)")
        #expect(review.nowAllowed.isEmpty)
        // The other way round (an earlier output whose policy was missing, which `gen` itself would
        // not have written): the path is allowed again.
        let tree = try Self.tree(Revision())
        defer { try? FileManager.default.removeItem(at: tree.root) }
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("shop/kubernetes/networkpolicy-web-to-db.yaml"))
        let restored = try RevisionDiff.compare(Self.environment(Revision()), against: tree, critical: false)
        #expect(restored.diff.entries == [.added(identity: "NetworkPolicy/web-to-db")])
        #expect(restored.nowAllowed == review.nowBlocked)
        #expect(restored.nowBlocked.isEmpty)
    }

    @Test func anEnvironmentTheEarlierOutputLacksIsAllAdded() throws {
        let empty = RenderedTree(root: FileManager.default.temporaryDirectory.appendingPathComponent("no-such-tree-\(UUID().uuidString)"))
        let review = try RevisionDiff.compare(Self.environment(Revision()), against: empty, critical: true)
        #expect(!review.existedBefore)
        #expect(review.diff.entries.allSatisfy { if case .added = $0 { true } else { false } })
        #expect(review.diff.entries.count == 7)
        #expect(RevisionReport.render([review], format: .markdown).contains("added: the base branch has no such environment"))
    }

    @Test func aDocumentWithoutKindIsAnErrorNamingItsFileAndLine() throws {
        let tree = try Self.tree(Revision())
        defer { try? FileManager.default.removeItem(at: tree.root) }
        let file = tree.root.appendingPathComponent("shop/kubernetes/configmap-web-config.yaml")
        try "apiVersion: v1\nmetadata:\n  name: x\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: RenderedTree.Unreadable.self) { try tree.objects(of: "shop") }
        do {
            _ = try tree.objects(of: "shop")
        } catch let error as RenderedTree.Unreadable {
            #expect(error.description.hasSuffix("shop/kubernetes/configmap-web-config.yaml:1: a document without kind or metadata.name"), "\(error)")
        }
    }

    @Test func scalarsAreReadWithTheirYAMLTypes() throws {
        let tree = try Self.tree(Revision())
        defer { try? FileManager.default.removeItem(at: tree.root) }
        let file = tree.root.appendingPathComponent("shop/kubernetes/configmap-web-config.yaml")
        try """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: typed}
            data: {quoted: "true", port: 8080, ratio: 0.5, flag: true, empty: null}
            """.write(to: file, atomically: true, encoding: .utf8)
        let object = try #require(try tree.objects(of: "shop").first { $0.name == "typed" })
        #expect(object.document.child("data") == ["quoted": "true", "port": .int(8080), "ratio": .double(0.5), "flag": .bool(true)])
    }

    @Test func theReportsSayWhatChangedInEachFormat() throws {
        let review = try Self.review(Revision(), Revision(image: "shop/web:1.1", allowDatabase: false))
        let text = RevisionReport.render([review], format: .text)
        #expect(text.contains("~ Deployment/web [image]"), "\(text)")
        #expect(text.contains("- NetworkPolicy/web-to-db [network]"), "\(text)")
        #expect(text.contains("  now blocked: Deployment/web: "), "\(text)")
        let markdown = RevisionReport.render([review], format: .markdown)
        #expect(markdown.hasPrefix(RevisionReport.marker + "\n"))
        #expect(markdown.contains("| **image** | `Deployment/web` | `spec.template.spec.containers[web].image` | `shop/web:1.0` | `shop/web:1.1` |"), "\(markdown)")
        #expect(markdown.contains("- now blocked: Deployment/web: "), "\(markdown)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RevisionReport.render([review], format: .json).utf8)) as? [String: Any])
        #expect(json["changed"] as? Bool == true)
        let environment = try #require((json["environments"] as? [[String: Any]])?.first)
        let objects = try #require(environment["objects"] as? [[String: Any]])
        #expect(objects.map { $0["object"] as? String } == ["Deployment/web", "NetworkPolicy/web-to-db"])
        #expect(objects.map { $0["flags"] as? [String] } == [["image"], ["network"]])
        #expect((environment["nowBlocked"] as? [String])?.count == 1)
    }
}
