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
        var unreadable: [Diagnostic] = []
        for file in try manifestFiles() {
            // A file that cannot be read as text is a finding at that file, and the rest is linted.
            guard let data = FileManager.default.contents(atPath: file) else {
                unreadable.append(Self.unreadable(file, "cannot be read"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                unreadable.append(Self.unreadable(file, "is not UTF-8 text (a binary file?), so it was not linted"))
                continue
            }
            reader.read(yaml: text, file: file)
        }
        let diagnostics = unreadable + reader.diagnostics.diagnostics + ManifestLint.check(reader.resources)
        print(DiagnosticReport.render(diagnostics, as: format), terminator: "")
        if format == .text {
            printError("gen lint: \(DiagnosticReport.summary(diagnostics)) in \(reader.resources.count) object(s)")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }

    private static func unreadable(_ file: String, _ problem: String) -> Diagnostic {
        Diagnostic(severity: .error, check: "lint", message: "\(file) \(problem)", resourcePath: file, location: SourceLocation(path: file, line: 1))
    }

    /// Every YAML file named or found below a named directory, sorted; a directory with none is an
    /// error (linting nothing must not pass).
    private func manifestFiles() throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let entries = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            let found = entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { (path as NSString).appendingPathComponent($0) }
            guard !found.isEmpty else { throw ValidationError("no YAML file (.yaml, .yml) under \(path)") }
            files += found
        }
        return files.sorted()
    }
}
