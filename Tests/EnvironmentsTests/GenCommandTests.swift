import Environments
import Foundation
import InfraDSL
import Testing
import TestSupport

/// The `gen` command's own paths, run as a user runs it: exit codes and the one line it prints for
/// each way a run can go wrong. (0: done; 1: a finding, a difference or a write that failed;
/// 64: a usage error.)
@Suite struct GenCommandTests {
    private func gen(_ arguments: String) throws -> TestSupport.ProcessResult {
        let gen = try TestSupport.builtExecutable("gen")
        return try TestSupport.shell("'\(gen)' \(arguments)", in: TestSupport.packageRoot)
    }

    @Test func anUnknownEnvironmentOrNoneIsAUsageError() throws {
        let unknown = try gen("--env qa --output /nonexistent")
        #expect(unknown.status == 64)
        #expect(unknown.error.hasPrefix("Error: unknown environment 'qa'; valid names: development, staging, production, production-dr\n"), "\(unknown.error)")
        let none = try gen("--output /nonexistent")
        #expect(none.status == 64)
        #expect(none.error.hasPrefix("Error: name an environment with --env NAME, or use --all (valid names: development, staging, production, production-dr)\n"), "\(none.error)")
        let conflicting = try gen("--env development --layout stream --format json --output /nonexistent")
        #expect(conflicting.status == 64 && conflicting.error.contains("--layout stream writes one YAML stream"), "\(conflicting.error)")
    }

    @Test func diffAgainstAnEarlierOutputExitsBySayingWhetherAnythingChanged() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try gen("--all --output '\(directory.path)'").status == 0)
        let same = try gen("diff --all --against '\(directory.path)'")
        #expect(same.status == 0, "\(same.output)\(same.error)")
        #expect(same.output.components(separatedBy: "no change").count == Catalog.names.count + 1, "\(same.output)")

        let quota = directory.appendingPathComponent("production/kubernetes/resourcequota-prod-quota.yaml")
        let original = try String(contentsOf: quota, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "requests.cpu: \"192\"", with: "requests.cpu: \"64\"").utf8).write(to: quota)
        let changed = try gen("diff --env production --against '\(directory.path)' --format json")
        #expect(changed.status == 1, "\(changed.error)")
        #expect(changed.output.contains("\"object\": \"ResourceQuota/prod-quota\""), "\(changed.output)")
        #expect(changed.output.contains("\"resources\""), "\(changed.output)")

        let missing = try gen("diff --env production --against /nonexistent-tree")
        #expect(missing.status == 2 && missing.error == "gen diff: /nonexistent-tree is not a directory\n", "\(missing.error)")
        try Data("kind: [".utf8).write(to: quota)
        let broken = try gen("diff --env production --against '\(directory.path)'")
        #expect(broken.status == 2 && broken.error.hasPrefix("gen diff: \(directory.path)/production/kubernetes/resourcequota-prod-quota.yaml: malformed YAML"), "\(broken.error)")
        let usage = try gen("diff --env production")
        #expect(usage.status == 64, "\(usage.error)")
    }

    @Test func lintBuildsAKustomizationAndPlacesObjectsWithoutANamespace() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = directory.appendingPathComponent("base"), overlay = directory.appendingPathComponent("overlay")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: overlay, withIntermediateDirectories: true)
        try Data("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            """.utf8).write(to: base.appendingPathComponent("service.yaml"))
        try Data("resources: [service.yaml]\n".utf8).write(to: base.appendingPathComponent("kustomization.yaml"))
        // The overlay's patch file is not an object: it is read only through the build.
        try Data("- op: replace\n  path: /spec/ports/0/port\n  value: 8080\n".utf8).write(to: overlay.appendingPathComponent("port.yaml"))
        try Data("""
            resources: [../base]
            namespace: shop
            patches:
            - path: port.yaml
              target: {kind: Service, name: web}
            """.utf8).write(to: overlay.appendingPathComponent("kustomization.yaml"))
        let result = try gen("lint --format json '\(overlay.path)'")
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(result.output.contains("\"resource\" : \"shop/Service/web/spec/selector\"") || result.output.contains("\"resource\": \"shop/Service/web/spec/selector\""), "\(result.output)")
        #expect(result.output.contains("(kubectl kustomize)"), "\(result.output)")
        #expect(!result.output.contains("not a Kubernetes object"), "the patch file is not linted as a manifest: \(result.output)")

        let plain = try gen("lint --format json '\(base.appendingPathComponent("service.yaml").path)'")
        #expect(plain.output.contains("default/Service/web/spec/selector"), "\(plain.output)")
        let named = try gen("lint --namespace payments --format json '\(base.appendingPathComponent("service.yaml").path)'")
        #expect(named.output.contains("payments/Service/web/spec/selector"), "\(named.output)")

        try Data("resources: [missing.yaml]\n".utf8).write(to: overlay.appendingPathComponent("kustomization.yaml"))
        let broken = try gen("lint '\(overlay.path)'")
        #expect(broken.status == 1 && broken.output.contains("is a kustomization that kubectl kustomize cannot build"), "\(broken.output)\(broken.error)")
    }

    @Test func anOutputThatCannotBeWrittenIsNamedInOneLine() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let result = try gen("--env development --output '\(file.path)/out'")
        #expect(result.status == 1)
        #expect(result.error == "gen: cannot write \(file.path)/out: \(file.path)/out: Not a directory; each environment is replaced whole or not at all, so what was not written keeps its previous output\n",
                "\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test func checkExitsOneAndShowsTheDiffWhenOutputIsStale() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try gen("--env development --output '\(directory.path)'")
        #expect(written.status == 0, "\(written.error)")
        let current = try gen("--env development --check --output '\(directory.path)'")
        #expect(current.status == 0 && current.output == "\(directory.path) is current (development)\n", "\(current.output)\(current.error)")

        let configMap = directory.appendingPathComponent("development/kubernetes/configmap-trading-engine-config.yaml")
        let original = try String(contentsOf: configMap, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "pool_size: 10", with: "pool_size: 11").utf8).write(to: configMap)
        try Data("stray".utf8).write(to: directory.appendingPathComponent("development/stray.yaml"))
        let stale = try gen("--env development --check --output '\(directory.path)'")
        #expect(stale.status == 1)
        #expect(stale.output.contains("changed: \(directory.path)/development/kubernetes/configmap-trading-engine-config.yaml\n"), "\(stale.output)")
        #expect(stale.output.contains("-      pool_size: 11\n+      pool_size: 10\n"), "\(stale.output)")
        #expect(stale.output.contains("extra: \(directory.path)/development/stray.yaml\n"), "\(stale.output)")
        #expect(stale.error == "gen: 2 file(s) differ from \(directory.path); run `swift run gen` with the same flags without --check to update them\n", "\(stale.error)")
        #expect(try String(contentsOf: configMap, encoding: .utf8).contains("pool_size: 11"), "--check writes nothing")
    }

    /// Promotion rewrites the pins file first; when the snapshots cannot be written it puts the pins
    /// file back, so nothing changes.
    @Test func promoteRestoresThePinsFileWhenSnapshotsCannotBeWritten() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pins = directory.appendingPathComponent("ImagePins+Current.swift")
        let original = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Environments/ImagePins+Current.swift"), encoding: .utf8)
        try Data(original.utf8).write(to: pins)
        let blocked = directory.appendingPathComponent("snapshots")
        try Data("a file where the snapshot directory should be".utf8).write(to: blocked)

        let result = try gen("promote --from staging --to production --pins-file '\(pins.path)' --snapshots '\(blocked.path)'")
        #expect(result.status == 1)
        #expect(result.error == "gen promote: cannot write \(blocked.path): \(blocked.path): File exists; \(pins.path) was restored, nothing was changed\n", "\(result.error)")
        #expect(try String(contentsOf: pins, encoding: .utf8) == original)
    }
}
