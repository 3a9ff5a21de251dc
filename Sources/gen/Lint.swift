import ArgumentParser
import CustomResources
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

    @Option(help: "The namespace of a namespaced object that names none, as kubectl would apply it.")
    var namespace = "default"

    func run() throws {
        let (reader, unreadable) = try ManifestInput.read(paths, namespace: namespace)
        let diagnostics = unreadable + reader.diagnostics.diagnostics + ManifestLint.check(reader.resources)
        print(DiagnosticReport.render(diagnostics, as: format), terminator: "")
        if format == .text {
            printError("gen lint: \(DiagnosticReport.summary(diagnostics)) in \(reader.resources.count) object(s)")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}
