import ArgumentParser
import Environments
import Foundation
import InfraDSL

/// Renders environments into the output directory, or checks that it is current.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render environments into <output>/<env>/ (the default command).")

    @OptionGroup var selection: EnvironmentSelection

    @Option(help: "The output directory.")
    var output = "out"

    @Option(help: "Manifest format: yaml or json.")
    var format: ManifestFormat = .yaml

    @Option(help: "Manifest layout: files (one file per object and a kustomization.yaml) or stream (one multi-document kubernetes/manifests.yaml per environment, YAML only).")
    var layout: ManifestLayout = .files

    @Flag(help: "Render in memory and compare with the output directory; print a diff per file and exit 1 if anything differs. Writes nothing.")
    var check = false

    @Flag(help: "List the environments and exit.")
    var list = false

    func validate() throws {
        if layout == .stream && format != .yaml {
            throw ValidationError("--layout stream writes one YAML stream; it cannot be combined with --format \(format.rawValue)")
        }
    }

    func run() throws {
        if list {
            Catalog.environments.forEach { print($0.name) }
            return
        }
        let selected = try selection.environments()
        let rendered = try render(selected)
        let directory = OutputDirectory(root: URL(fileURLWithPath: output))
        if check {
            try compare(rendered, with: directory)
        } else {
            do {
                try Generator.write(rendered, into: directory)
            } catch {
                printError("gen: cannot write \(output): \(describeFileError(error)); each environment is replaced whole or not at all, so what was not written keeps its previous output")
                throw ExitCode.failure
            }
            for environment in rendered {
                print("wrote \(output)/\(environment.name) (\(environment.files.count) files)")
            }
        }
    }

    /// Renders everything before anything is written, so one bad environment stops the whole run.
    private func render(_ environments: [Environment]) throws -> [RenderedEnvironment] {
        do {
            let rendered = try Catalog.render(environments, format: format, layout: layout)
            rendered.flatMap(\.warnings).forEach { printError($0.description) }
            return rendered
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printError("gen: \(errors) error(s); nothing was written")
            throw ExitCode.failure
        }
    }

    private func compare(_ rendered: [RenderedEnvironment], with directory: OutputDirectory) throws {
        let differences = rendered.flatMap { directory.differences(from: $0) }
        guard !differences.isEmpty else {
            print("\(output) is current (\(rendered.map(\.name).joined(separator: ", ")))")
            return
        }
        for difference in differences {
            print("\(difference.kind.rawValue): \(output)/\(difference.path)")
            print(difference.diff, terminator: "")
        }
        printError("gen: \(differences.count) file(s) differ from \(output); run `swift run gen` with the same flags without --check to update them")
        throw ExitCode.failure
    }
}


/// A file-system error as one line, `PATH: reason`, instead of Foundation's dump of its user info.
func describeFileError(_ error: any Error) -> String {
    let error = error as NSError
    let path = error.userInfo[NSFilePathErrorKey] as? String ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
    let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
    let reason: String
    if let underlying, underlying.domain == NSPOSIXErrorDomain {
        reason = String(cString: strerror(Int32(underlying.code)))
    } else if error.domain == NSPOSIXErrorDomain {
        reason = String(cString: strerror(Int32(error.code)))
    } else {
        reason = error.localizedDescription
    }
    return path.map { "\($0): \(reason)" } ?? reason
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
