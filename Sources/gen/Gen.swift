import ArgumentParser

/// `gen`: renders the environments of the trading system.
@main
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Render the trading system's environments into Kubernetes manifests.",
        subcommands: [Generate.self],
        defaultSubcommand: Generate.self
    )
}
