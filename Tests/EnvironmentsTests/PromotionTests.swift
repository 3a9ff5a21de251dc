import Foundation
import InfraDSL
import Testing
import TestSupport
@testable import Environments

/// Docs, diff, promotion and rollout of our environments.
@Suite struct PromotionTests {
    static let snapshots = TestSupport.packageRoot.appendingPathComponent("Tests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    /// Compares with a committed snapshot, or records it (and fails) under RECORD_SNAPSHOTS=1.
    private func matchSnapshot(_ text: String, _ name: String) throws {
        let url = Self.snapshots.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            Issue.record("recorded \(name)")
            return
        }
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let diff = UnifiedDiff.diff(old: committed, new: text, oldName: "Tests/Snapshots/\(name)", newName: "rendered")
        #expect(diff.isEmpty, "\(diff)")
    }

    @Test func environmentDocsAreCurrent() throws {
        let committed = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/environments.md"), encoding: .utf8)
        let rendered = try EnvironmentDocs.markdown()
        #expect(committed == rendered, "docs/environments.md is stale; run `swift run gen docs`\n\(UnifiedDiff.diff(old: committed, new: rendered, oldName: "docs/environments.md", newName: "rendered"))")
        #expect(rendered.contains("| `database.ssl_mode` | disable | require | verify-full |"))
    }

    @Test func stagingToProductionDiffMatchesItsSnapshot() throws {
        let staging = EnvironmentResolver.resolve(Staging.stage.environment).objects
        let production = EnvironmentResolver.resolve(Production.stage.environment).objects
        let diff = EnvironmentDiff.compare(from: ("staging", staging), to: ("production", production))
            .substituting(EnvironmentIdentity.substitutions(from: Staging.stage.environment, to: Production.stage.environment))
            .declaring(EnvironmentIdentity.declaredDifferences(from: "staging", to: "production"))
        try matchSnapshot(DiffReport.render(diff, format: .markdown), "diff-staging-production.md")
        // Only real differences are rows: no row differs by the environments' own name, tier label
        // or fingerprint alone, and the summary counts what it stands for.
        let rows = diff.entries.flatMap { entry -> [EnvironmentDiff.FieldChange] in
            switch entry {
            case .changed(_, let changes), .renamed(_, _, _, let changes): return changes
            case .added, .removed: return []
            }
        }
        #expect(!rows.contains { ($0.from, $0.to) == ("staging", "production") || ($0.from, $0.to) == ("staging", "prod") })
        #expect(diff.substitutions.map(\.what) == ["environment name", "label tier", "config fingerprint"])
        #expect(diff.substitutions.allSatisfy { $0.fields > 0 })
        let plain = EnvironmentDiff.compare(from: ("staging", staging), to: ("production", production))
        let all = plain.entries.flatMap { entry -> [EnvironmentDiff.FieldChange] in
            switch entry {
            case .changed(_, let changes), .renamed(_, _, _, let changes): return changes
            case .added, .removed: return []
            }
        }
        #expect(all.count == rows.count + diff.substitutions.map(\.fields).reduce(0, +))
    }

    /// The second region is production with its own values: every row is a value on both sides
    /// (no object or field only one side has), and each is one the region chose.
    @Test func theSecondRegionDiffersFromProductionInValuesOnly() throws {
        let production = EnvironmentResolver.resolve(Production.stage.environment).objects
        let region = EnvironmentResolver.resolve(ProductionDR.stage(with: .current).environment).objects
        let diff = EnvironmentDiff.compare(from: ("production", production), to: ("production-dr", region))
            .substituting(EnvironmentIdentity.substitutions(from: Production.stage.environment, to: ProductionDR.stage(with: .current).environment))
        var rows: [String] = []
        for entry in diff.entries {
            guard case .changed(let identity, let changes) = entry else { Issue.record("not a value change: \(entry)"); continue }
            for change in changes {
                #expect(change.from != nil && change.to != nil, "\(identity) \(change.path)")
                rows.append("\(identity) \(change.path): \(change.from ?? "-") → \(change.to ?? "-")")
            }
        }
        #expect(rows == [
            "NetworkPolicy/allow-engine-egress spec.egress[0].to[0].ipBlock.cidr: 10.10.64.0/20 → 10.40.64.0/20",
            "NetworkPolicy/allow-engine-egress spec.egress[1].to[0].ipBlock.cidr: 10.10.64.0/20 → 10.40.64.0/20",
            "SecretStore/aws-secrets-manager spec.provider.aws.region: us-east-1 → us-west-2",
            "StatefulSet/trading-engine spec.template.spec.nodeSelector.topology.kubernetes.io/zone: us-east-1a → us-west-2a",
        ])
        #expect(EnvironmentIdentity.declaredDifferences(from: "production", to: "production-dr") == [
            "production: single zone (us-east-1a); production-dr: single zone (us-west-2a), because latency to the exchange's gateways; staging runs wherever its pool has nodes",
        ])
    }

    /// Production's `kubernetes/` files as an earlier revision rendered them: the same environment
    /// on an older image.
    static func previousProduction() throws -> [String: String] {
        let older = ImagePin(repository: "registry.example.com/hft-trading-engine", tag: "v0.9.0", digest: "sha256:" + String(repeating: "c", count: 64))
        let rendered = try Generator.renderAll([Production.stage(with: ImagePins.current.setting("production", to: older)).environment])
        let prefix = "production/kubernetes/"
        return Dictionary(uniqueKeysWithValues: rendered.flatMap(\.files).filter { $0.path.hasPrefix(prefix) }.map { (String($0.path.dropFirst(prefix.count)), $0.contents) })
    }

    /// The production plan at 12 live engines: forward steps pin the autoscaler and set the
    /// partition; each rollback is the previous revision with the same partition and pin; the last
    /// step is the release as `gen` renders it, and its rollback the previous release as it was.
    @Test func productionRolloutMatchesItsSnapshot() throws {
        let previous = try Self.previousProduction()
        let rollout = try RolloutPlan.files(environment: "production", percentages: [10, 50, 100], liveReplicas: 12, previous: previous)
        let files = Dictionary(uniqueKeysWithValues: rollout.files.map { ($0.path, $0.contents) })
        try matchSnapshot(files["rollout/README.md"] ?? "", "rollout-production/README.md")
        for step in ["step-1-10", "step-2-50", "step-3-100"] {
            for directory in [step, "\(step)/rollback"] {
                for name in ["statefulset-trading-engine.yaml", "horizontalpodautoscaler-trading-engine.yaml"] {
                    try matchSnapshot(files["rollout/\(directory)/\(name)"] ?? "", "rollout-production/\(directory)/\(name)")
                }
            }
        }
        // The last step is what gen renders; its rollback is the previous revision unchanged.
        let release = try Generator.renderAll([Production.stage.environment])
        for file in release.flatMap(\.files) where file.path.hasPrefix("production/kubernetes/") {
            let name = String(file.path.dropFirst("production/kubernetes/".count))
            #expect(files["rollout/step-3-100/\(name)"] == file.contents, "\(name)")
            #expect(files["rollout/step-3-100/rollback/\(name)"] == previous[name], "\(name)")
        }
        // Only the engine's StatefulSet and autoscaler differ between a step and the release.
        for step in ["step-1-10", "step-2-50"] {
            let changed = release.flatMap(\.files).filter { $0.path.hasPrefix("production/kubernetes/") }.compactMap { file -> String? in
                let name = String(file.path.dropFirst("production/kubernetes/".count))
                return files["rollout/\(step)/\(name)"] == file.contents ? nil : name
            }
            #expect(changed.sorted() == ["horizontalpodautoscaler-trading-engine.yaml", "statefulset-trading-engine.yaml"], "\(step): \(changed)")
        }
    }

    @Test func rolloutRefusesWhatItCannotPlanSafely() throws {
        let previous = try Self.previousProduction()
        func refusal(_ live: Int?, _ previous: [String: String]) -> String? {
            do { _ = try RolloutPlan.files(environment: "production", percentages: [10, 50, 100], liveReplicas: live, previous: previous); return nil } catch {
                return "\(error)"
            }
        }
        #expect(refusal(nil, previous)?.contains("the autoscaler owns production's replica count (5–20): give the live count with --live-replicas") == true)
        #expect(refusal(21, previous)?.contains("21 live replicas is outside what production runs (5–20)") == true)
        var missing = previous
        missing["statefulset-trading-engine.yaml"] = nil
        #expect(refusal(12, missing) == "the previous revision has no statefulset-trading-engine.yaml")
        // A previous revision that fails the checks (a literal Secret in production) is not a way back.
        var leaky = previous
        leaky["secret-leak.yaml"] = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leak\n  namespace: hft-trading-production\nstringData:\n  password: hunter2\n"
        #expect(refusal(12, leaky)?.contains("Secret leak holds literal values") == true)
    }

    @Test func promotingStagingToProductionChangesOnlyTheImage() throws {
        let plan = try Promotion.plan(from: "staging", to: "production")
        let staging = try #require(ImagePins.current["staging"])
        #expect(plan.pin == staging)
        #expect(plan.pinsSource.contains("\"production\": [\n            \"market-data-gateway\": ImagePin("))
        #expect(plan.pinsSource.contains("\"trading-engine\": ImagePin(\n                repository: \"registry.example.com/hft-trading-engine\",\n                tag: \"v1.1.0\""))
        let changed = plan.differences.map(\.path)
        #expect(changed == ["helm/environments/production.yaml", "production/kubernetes/statefulset-trading-engine.yaml"])
        let added = plan.differences.flatMap { $0.diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") } }
        #expect(added.allSatisfy { $0.contains("v1.1.0") || $0.contains(staging.digest ?? "-") }, "\(added)")
    }

    @Test func theSecondRegionTakesProductionsImage() throws {
        let older = ImagePin(repository: "registry.example.com/hft-trading-engine", tag: "v0.9.0", digest: "sha256:" + String(repeating: "c", count: 64))
        let plan = try Promotion.plan(from: "production", to: "production-dr", pins: ImagePins.current.setting("production-dr", to: older))
        #expect(plan.pin == ImagePins.current["production"])
        #expect(plan.differences.map(\.path) == ["helm/environments/production-dr.yaml", "production-dr/kubernetes/statefulset-trading-engine.yaml"])
    }

    @Test func anEnvironmentWithoutAPinFailsInsteadOfRunningAnUntaggedImage() throws {
        var pins = ImagePins.current.pins
        pins["production-dr"]?[ImagePins.engine] = nil
        let error = try #require(throws: DiagnosticsError.self) { try Generator.renderAll(Catalog.environments(with: ImagePins(pins))) }
        let findings = error.diagnostics.filter { $0.severity == .error }
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.check == ImagePinningCheck.id && finding.resourcePath.hasPrefix("production-dr/"), "\(finding)")
        #expect(finding.message.contains("runs registry.example.com/hft-trading-engine, which is not pinned by a sha256 digest"), "\(finding.message)")
        // Development follows a moving tag on purpose: no pin is required there.
        pins = ImagePins.current.pins
        pins["development"] = nil
        #expect(throws: Never.self) { try Generator.renderAll(Catalog.environments(with: ImagePins(pins))) }
    }

    @Test func promotionRefusals() {
        func refusal(_ from: String, _ to: String, force: Bool = false, pins: ImagePins = .current) -> String? {
            do { _ = try Promotion.plan(from: from, to: to, force: force, pins: pins); return nil } catch { return error.description }
        }
        #expect(refusal("development", "staging")?.contains("not pinned by a sha256 digest") == true)
        #expect(refusal("staging", "development")?.contains("backwards: development comes before staging") == true)
        #expect(refusal("production", "staging")?.contains("backwards: staging comes before production") == true)
        #expect(refusal("production-dr", "production")?.contains("backwards: production comes before production-dr; production-dr promotes to nothing") == true)
        // The second region takes production's image, never staging's directly.
        #expect(refusal("staging", "production-dr")?.contains("production-dr takes its image from production; staging promotes to production") == true)
        #expect(refusal("qa", "production")?.contains("unknown environment 'qa'") == true)
        #expect(refusal("staging", "staging")?.contains("to itself") == true)
        let pinned = ImagePins.current.setting("development", to: ImagePin(repository: "registry.example.com/hft-trading-engine", tag: "dev", digest: "sha256:" + String(repeating: "a", count: 64)))
        // Every application's image is promoted, so every one must be pinned.
        #expect(refusal("development", "production", force: true, pins: pinned)?.contains("market-data-gateway in development runs registry.example.com/hft-market-data-gateway:dev, which is not pinned") == true)
        let gatewayPinned = ImagePins.current.pins["production"]!["market-data-gateway"]!
        #expect(refusal("development", "production", pins: pinned)?.contains("production takes its image from staging; development promotes to staging") == true)
        #expect(refusal("development", "production", force: true, pins: pinned.setting("development", application: "market-data-gateway", to: gatewayPinned)) == nil, "--force skips a tier")
        let foreign = ImagePins.current.setting("staging", to: ImagePin(repository: "evil.example.com/other", tag: "x", digest: "sha256:" + String(repeating: "b", count: 64)))
        #expect(refusal("staging", "production", pins: foreign)?.contains("fail their checks before the promotion") == true)
    }

    @Test func thePinsFileIsWhatPromoteWouldWrite() throws {
        let committed = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Environments/ImagePins+Current.swift"), encoding: .utf8)
        #expect(committed == ImagePins.current.sourceFile(order: Catalog.names))
    }

    /// The real command: a refusal changes no file; a promotion rewrites the pins file and the
    /// target's snapshots, nothing else.
    @Test func genPromoteChangesFilesOnlyOnSuccess() throws {
        let gen = try TestSupport.builtExecutable("gen")
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pins = directory.appendingPathComponent("ImagePins+Current.swift")
        let original = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Environments/ImagePins+Current.swift"), encoding: .utf8)
        try Data(original.utf8).write(to: pins)
        let snapshots = directory.appendingPathComponent("snapshots")
        try Generator.write(Catalog.render(Catalog.environments), into: OutputDirectory(root: snapshots))
        let before = TestSupport.tree(at: snapshots)

        let refused = try TestSupport.shell("'\(gen)' promote --from development --to staging --pins-file '\(pins.path)' --snapshots '\(snapshots.path)'")
        #expect(refused.status != 0)
        #expect(refused.error.contains("refused") && refused.error.contains("nothing was changed"))
        #expect(try String(contentsOf: pins, encoding: .utf8) == original)
        #expect(TestSupport.tree(at: snapshots) == before)

        let promoted = try TestSupport.shell("'\(gen)' promote --from staging --to production --pins-file '\(pins.path)' --snapshots '\(snapshots.path)'")
        #expect(promoted.status == 0, "\(promoted.error)")
        #expect(try String(contentsOf: pins, encoding: .utf8) == (try Promotion.plan(from: "staging", to: "production")).pinsSource)
        let after = TestSupport.tree(at: snapshots)
        let changed = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }.sorted()
        #expect(changed == ["helm/environments/production.yaml", "production/kubernetes/statefulset-trading-engine.yaml"])
    }
}
