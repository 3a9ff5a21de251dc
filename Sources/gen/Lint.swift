import ArgumentParser
import Environments
import Foundation
import InfraDSL

/// `gen lint`: runs the checks over existing Kubernetes YAML.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check existing Kubernetes manifests (files or directories) with the same checks as gen.")

    @Argument(help: "Manifest files or directories (YAML, multi-document).")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        var reader = ManifestReader()
        for file in try manifestFiles() {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            reader.read(yaml: text, file: file)
        }
        let diagnostics = reader.diagnostics.diagnostics + ManifestLint.check(reader.resources)
        print(DiagnosticReport.render(diagnostics, as: format), terminator: "")
        if format == .text {
            printError("gen lint: \(DiagnosticReport.summary(diagnostics)) in \(reader.resources.count) object(s)")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }

    /// Every YAML file named or found below a named directory, sorted.
    private func manifestFiles() throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let entries = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { (path as NSString).appendingPathComponent($0) }
        }
        return files.sorted()
    }
}
