import Foundation

/// The command line of a package `gen import` wrote: renders its environments as `gen` does, into
/// `out/<environment>/kubernetes/` with every check, and writes nothing if any finding is an error.
///
/// ```
/// swift run Shop                       # every environment into out/
/// swift run Shop --environment shop --output manifests
/// swift run Shop --objects             # each object as one line of JSON, before the checks
/// ```
///
/// `--objects` prints what the Swift builds without judging it (the round trip of an import compares
/// it with the manifests it came from, mistakes and all).
public enum RenderCommand {
    /// Runs with the process's arguments and exits.
    public static func main(_ environments: [Environment], arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        exit(run(environments, arguments: arguments))
    }

    /// What ``main(_:arguments:)`` does, returning the exit status.
    public static func run(_ environments: [Environment], arguments: [String]) -> Int32 {
        var output = "out"
        var selected: [String] = []
        var printObjects = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--output", "--environment":
                guard let value = rest.popFirst() else { return usage("\(argument) needs a value") }
                if argument == "--output" { output = value } else { selected.append(value) }
            case "--objects": printObjects = true
            case "--help", "-h":
                print(help(environments))
                return 0
            default: return usage("unknown argument \(argument)")
            }
        }
        let names = environments.map(\.name)
        if let unknown = selected.first(where: { !names.contains($0) }) {
            return usage("no environment \(unknown); there are \(names.joined(separator: ", "))")
        }
        let chosen = selected.isEmpty ? environments : environments.filter { selected.contains($0.name) }
        if printObjects {
            for environment in chosen {
                for object in EnvironmentResolver.resolve(environment).objects { print(JSONRenderer.render(object.document).replacingOccurrences(of: "\n", with: "")) }
            }
            return 0
        }
        do {
            let rendered = try Generator.generate(chosen, into: OutputDirectory(root: URL(fileURLWithPath: output)))
            for warning in rendered.flatMap(\.warnings) { printError(warning.description) }
            printError("wrote \(rendered.map(\.name).joined(separator: ", ")) into \(output)/")
            return 0
        } catch let error as DiagnosticsError {
            for finding in error.diagnostics { printError(finding.description) }
            printError("\(DiagnosticReport.summary(error.diagnostics)); nothing was written")
            return 1
        } catch {
            printError("cannot write \(output): \(error)")
            return 1
        }
    }

    private static func help(_ environments: [Environment]) -> String {
        """
        Renders the environments (\(environments.map(\.name).joined(separator: ", "))) as gen does.

          --output DIR         where to write (default: out)
          --environment NAME   only this environment (repeatable)
          --objects            print each object as one line of JSON instead, before the checks
        """
    }

    private static func usage(_ problem: String) -> Int32 {
        printError("\(problem) (--help lists the options)")
        return 2
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
