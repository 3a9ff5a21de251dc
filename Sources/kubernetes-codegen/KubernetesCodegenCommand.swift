import ArgumentParser
import Foundation
import KubernetesCodegen

/// Writes `Sources/KubernetesAPI/Generated` from the Kubernetes schema, or `--check`s it is current.
/// Run through `scripts/generate-kubernetes-api.sh`, which finds the schema in `.venv`.
@main
struct KubernetesCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes-codegen",
        abstract: "Generate the typed Kubernetes API from the published JSON schema.")

    @Option(help: "The directory holding the schema's _definitions.json.")
    var schema: String

    @Option(help: "The configuration: kinds, cluster-scoped kinds, enumerations, leading fields.")
    var config = "codegen/kubernetes-api.json"

    @Option(help: "The directory of generated files.")
    var output = "Sources/KubernetesAPI/Generated"

    @Flag(help: "Compare with the output directory instead of writing; exit 1 on any difference.")
    var check = false

    func run() throws {
        let files = try Codegen.kubernetesAPI(schemaDirectory: schema, configurationPath: config)
        if check {
            let differences = GeneratedOutput.differences(files, in: output)
            guard differences.isEmpty else {
                for path in differences { FileHandle.standardError.write(Data("not current: \(path)\n".utf8)) }
                FileHandle.standardError.write(Data("the generated Kubernetes API is stale: run scripts/generate-kubernetes-api.sh\n".utf8))
                throw ExitCode.failure
            }
            print("kubernetes-codegen: \(files.count) files current")
        } else {
            try GeneratedOutput.write(files, to: output)
            print("kubernetes-codegen: wrote \(files.count) files to \(output)")
        }
    }
}
