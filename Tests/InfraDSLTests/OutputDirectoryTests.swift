import Foundation
import Testing
import TestSupport
@testable import InfraDSL

@Suite struct OutputDirectoryTests {
    private func environment(replicas: Int = 2, extra: Bool = true, brokenName: Bool = false) -> Environment {
        Environment("test", namespace: "test-ns") {
            Namespace()
            Fixtures.engine()
            if extra { ConfigMap("extra", data: ["replicas": "\(replicas)"]) }
            if brokenName { ConfigMap("Not_Valid", data: [:]) }
        }
    }

    /// A file written in parts (a stream's documents) holds exactly their text one after another:
    /// parts smaller than the write buffer, larger than it, empty, and multi-byte characters
    /// across the buffer's edge.
    @Test func filesWrittenInPartsHoldTheirPartsInOrder() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SplitMix64(seed: 11)
        let alphabet = Array("abc-é€😀\n ")
        let parts = (0..<400).map { index -> String in
            let length = index % 50 == 0 ? 300_000 : Int(random.next() % 3_000)
            return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        } + [""]
        let path = root.appendingPathComponent("stream.yaml").path
        try PlainFile.create(path, parts: parts)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(parts.joined().utf8))
        #expect(RenderedFile(path: "a", parts: parts) == RenderedFile(path: "a", contents: parts.joined()))
        #expect(throws: OutputError.self) { try PlainFile.create(path, parts: ["again"]) }
    }

    @Test func writeThenRewriteRemovesFilesThatNoLongerBelong() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = OutputDirectory(root: root)
        try Generator.generate([environment()], into: directory)
        #expect(TestSupport.tree(at: root).keys.contains("test/kubernetes/configmap-extra.yaml"))
        try Generator.generate([environment(extra: false)], into: directory)
        let tree = TestSupport.tree(at: root)
        #expect(!tree.keys.contains("test/kubernetes/configmap-extra.yaml"))
        #expect(tree.keys.sorted() == [
            "test/kubernetes/kustomization.yaml", "test/kubernetes/namespace-test-ns.yaml",
            "test/kubernetes/service-engine-headless.yaml", "test/kubernetes/statefulset-engine.yaml",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["test"], "no temporary directory is left")
    }

    @Test func aFailingRenderLeavesThePreviousOutputUntouched() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = OutputDirectory(root: root)
        try Generator.generate([environment()], into: directory)
        let before = TestSupport.tree(at: root)
        let changedButBroken = Environment("other", namespace: "other-ns") { ConfigMap("Bad Name", data: [:]) }
        #expect(throws: DiagnosticsError.self) {
            try Generator.generate([environment(replicas: 9), changedButBroken], into: directory)
        }
        #expect(throws: DiagnosticsError.self) {
            try Generator.generate([environment(replicas: 9, brokenName: true)], into: directory)
        }
        #expect(TestSupport.tree(at: root) == before)
    }

    @Test func environmentsAreWrittenEachAtomicallyWhenOneOfThemFails() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = OutputDirectory(root: root)
        let many = (0..<300).map { RenderedFile(path: "good/kubernetes/file-\($0).yaml", contents: "n: \($0)\n") }
        try directory.write(RenderedEnvironment(name: "bad", files: [RenderedFile(path: "bad/a.yaml", contents: "old: 1\n")], warnings: []))
        // A file and a directory of the same name cannot both be written: that environment fails
        // midway and keeps its previous output; the other one is written all the same.
        let impossible = RenderedEnvironment(name: "bad", files: [
            RenderedFile(path: "bad/a.yaml", contents: "a: 1\n"),
            RenderedFile(path: "bad/a.yaml/b.yaml", contents: "b: 1\n"),
        ], warnings: [])
        #expect(throws: (any Error).self) {
            try Generator.write([impossible, RenderedEnvironment(name: "good", files: many, warnings: [])], into: directory)
        }
        let tree = TestSupport.tree(at: root)
        #expect(tree["bad/a.yaml"] == Data("old: 1\n".utf8))
        #expect(tree.keys.filter { $0.hasPrefix("good/") }.count == 300)
        #expect(tree["good/kubernetes/file-299.yaml"] == Data("n: 299\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["bad", "good"], "no staging directory is left")
    }

    @Test func aFailingWriteLeavesThePreviousOutputUntouched() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = OutputDirectory(root: root)
        try Generator.generate([environment()], into: directory)
        let before = TestSupport.tree(at: root)
        // A file and a directory of the same name cannot both be written: the write fails midway.
        let impossible = RenderedEnvironment(name: "test", files: [
            RenderedFile(path: "test/kubernetes/a.yaml", contents: "a: 1\n"),
            RenderedFile(path: "test/kubernetes/a.yaml/b.yaml", contents: "b: 1\n"),
        ], warnings: [])
        #expect(throws: (any Error).self) { try directory.write(impossible) }
        let escaping = RenderedEnvironment(name: "test", files: [RenderedFile(path: "test/../evil.yaml", contents: "")], warnings: [])
        #expect(throws: OutputError.self) { try directory.write(escaping) }
        #expect(TestSupport.tree(at: root) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["test"])
    }

    @Test func outputIsByteIdenticalAcrossRunsAndDirectories() throws {
        let first = try TestSupport.temporaryDirectory()
        let second = try TestSupport.temporaryDirectory().appendingPathComponent("nested/deeper")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent().deletingLastPathComponent())
        }
        try Generator.generate([environment()], into: OutputDirectory(root: first))
        try Generator.generate([environment()], into: OutputDirectory(root: second))
        let tree = TestSupport.tree(at: first)
        #expect(!tree.isEmpty)
        #expect(tree == TestSupport.tree(at: second))
        try Generator.generate([environment()], into: OutputDirectory(root: first))
        #expect(TestSupport.tree(at: first) == tree)
    }

    @Test func differencesReportChangedMissingAndExtraFiles() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = OutputDirectory(root: root)
        try Generator.generate([environment()], into: directory)
        let current = try EnvironmentRenderer.render(environment())
        #expect(directory.differences(from: current).isEmpty)

        let base = root.appendingPathComponent("test/kubernetes")
        try Data("stale: true\n".utf8).write(to: base.appendingPathComponent("stale.yaml"))
        try FileManager.default.removeItem(at: base.appendingPathComponent("namespace-test-ns.yaml"))
        let changed = try EnvironmentRenderer.render(environment(replicas: 3))
        let differences = directory.differences(from: changed)
        #expect(differences.map(\.kind) == [.changed, .missing, .extra])
        #expect(differences.map(\.path) == [
            "test/kubernetes/configmap-extra.yaml", "test/kubernetes/namespace-test-ns.yaml", "test/kubernetes/stale.yaml",
        ])
        #expect(differences[0].diff.contains("-  replicas: \"2\"\n+  replicas: \"3\"\n"))
    }
}
