import Foundation
import Testing
import TestSupport

/// `gen import` as a user runs it: what it refuses, and that a refusal leaves nothing behind. The
/// package it writes is built and rendered back by the test command (`scripts/import-check.sh`).
@Suite struct ImportCommandTests {
    /// `gen import ARGUMENTS`, the built command, run from the package root.
    private func genImport(_ arguments: String) throws -> TestSupport.ProcessResult {
        let gen = try TestSupport.builtExecutable("gen")
        return try TestSupport.shell("'\(gen)' import \(arguments)", in: TestSupport.packageRoot)
    }

    @Test("an object it cannot write exactly stops the import at its line, and nothing is written")
    func refusesWhatItCannotWriteExactly() throws {
        let scratch = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = scratch.appendingPathComponent("app.yaml")
        try """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: fine}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: web:1, imagePullPolice: Always}]
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            """.write(to: manifest, atomically: true, encoding: .utf8)
        let package = scratch.appendingPathComponent("imported")
        let result = try genImport("'\(manifest.path)' --package '\(package.path)'")
        #expect(result.status == 1)
        #expect(result.error.contains("\(manifest.path):14: error: [schema] spec.template.spec.containers.0.imagePullPolice: unknown field"), "\(result.error)")
        #expect(result.error.contains("\(manifest.path):16: error: [import] this document is not an object of the generated API or of an imported custom resource"), "\(result.error)")
        #expect(result.error.contains("gen import: 2 problem(s); nothing was written"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: package.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["app.yaml"], "no staging directory is left behind")
    }

    @Test("a value the schema does not list is written as it is, for the package's checks to report")
    func writesAnUnlistedValueAsItIs() throws {
        let scratch = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = scratch.appendingPathComponent("app.yaml")
        try """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: web:1, imagePullPolicy: Sometimes}]
            """.write(to: manifest, atomically: true, encoding: .utf8)
        let package = scratch.appendingPathComponent("imported")
        let result = try genImport("'\(manifest.path)' --package '\(package.path)'")
        #expect(result.status == 0, "\(result.error)")
        let web = try String(contentsOf: package.appendingPathComponent("Sources/Imported/Shop/Web.swift"), encoding: .utf8)
        #expect(web.contains(#"imagePullPolicy: .unknown("Sometimes")"#), "\(web)")
    }

    @Test("a package directory that holds anything is refused, untouched")
    func refusesADirectoryInUse() throws {
        let scratch = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let kept = scratch.appendingPathComponent("mine.txt")
        try "my notes".write(to: kept, atomically: true, encoding: .utf8)
        let result = try genImport("Tests/Fixtures/shop --package '\(scratch.path)'")
        #expect(result.status != 0)
        #expect(result.error.contains("\(scratch.path) exists and is not empty; choose a new directory"), "\(result.error)")
        #expect(try String(contentsOf: kept, encoding: .utf8) == "my notes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["mine.txt"])
    }

    @Test("the package depends on this one by a relative path and SwiftPM's identity for it")
    func writesAPackageManifest() throws {
        let scratch = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let package = scratch.appendingPathComponent("shop-system")
        let result = try genImport("Tests/Fixtures/shop --namespace shop --package '\(package.path)'")
        #expect(result.status == 0, "\(result.error)")
        let manifest = try String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)
        let root = TestSupport.packageRoot.standardizedFileURL
        // The path is relative, and leads from the package to this one.
        let path = try #require(manifest.firstMatch(of: /\.package\(path: "([^"]+)"\)/)?.1)
        #expect(!path.hasPrefix("/"), "\(path)")
        #expect(package.appendingPathComponent(String(path)).standardizedFileURL.path == root.path, "\(path)")
        #expect(manifest.contains(".product(name: \"InfraDSL\", package: \"\(root.lastPathComponent.lowercased())\")"), "\(manifest)")
        #expect(manifest.contains("name: \"ShopSystem\""), "\(manifest)")
        #expect(result.error.contains("gen import: 51 object(s) in 1 environment(s) (shop), 18 file(s)"), "\(result.error)")
    }
}
