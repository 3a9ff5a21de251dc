import ArgumentParser
import InfraDSL

/// `gen`: renders the trading system's environments, checks them, and lints existing manifests.
@main
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Render the trading system's environments into Kubernetes manifests.",
        subcommands: [
            Generate.self, Check.self, Lint.self, Diff.self, Docs.self, Promote.self, RolloutCommand.self, Import.self,
        ],
        defaultSubcommand: Generate.self
    )
}

extension ManifestFormat: ExpressibleByArgument {}
extension ManifestLayout: ExpressibleByArgument {}
extension DiagnosticFormat: ExpressibleByArgument {}
