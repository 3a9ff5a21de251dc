import ArgumentParser
import Environments
import Foundation
import InfraDSL

/// `gen check`: validates and checks environments without writing anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every validation and semantic check on environments (all by default); write nothing.")

    @OptionGroup var selection: EnvironmentSelection

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let environments = try selection.environments(everyByDefault: true)
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try Catalog.render(environments).flatMap(\.warnings)
        } catch {
            diagnostics = error.diagnostics
        }
        print(DiagnosticReport.render(diagnostics, as: format), terminator: "")
        if format == .text {
            printError("gen check: \(DiagnosticReport.summary(diagnostics)) in \(environments.map(\.name).joined(separator: ", "))")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}
