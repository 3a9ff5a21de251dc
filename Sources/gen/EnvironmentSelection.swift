import ArgumentParser
import Environments
import InfraDSL

/// The `--env`/`--all` options shared by the commands that render environments.
struct EnvironmentSelection: ParsableArguments {
    @Option(name: .customLong("env"), help: "An environment (repeatable).")
    var names: [String] = []

    @Flag(help: "Every environment.")
    var all = false

    init() {}

    /// A selection made in code.
    init(names: [String], all: Bool) {
        self.names = names
        self.all = all
    }

    /// The selected environments; with `everyByDefault`, no flag means all of them.
    func environments(everyByDefault: Bool = false) throws -> [Environment] {
        let known = Catalog.environments
        if all || (names.isEmpty && everyByDefault) { return known }
        guard !names.isEmpty else {
            throw ValidationError("name an environment with --env NAME, or use --all (valid names: \(known.map(\.name).joined(separator: ", ")))")
        }
        return try names.map { name in
            guard let environment = known.first(where: { $0.name == name }) else {
                throw ValidationError("unknown environment '\(name)'; valid names: \(known.map(\.name).joined(separator: ", "))")
            }
            return environment
        }
    }
}
