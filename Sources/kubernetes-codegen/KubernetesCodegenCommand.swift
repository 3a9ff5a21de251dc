import ArgumentParser
import Foundation
import KubernetesCodegen

/// The repository's generator: writes `Sources/KubernetesAPI/Generated` from the Kubernetes schema
/// and `Sources/CustomResources/Generated` from the CRDs in `codegen/crds`, or `--check`s that they
/// are current. Run through `scripts/generate-kubernetes-api.sh`, which finds the schema in `.venv`.
/// It depends on neither generated module, so a broken generated file never stops its own repair.
@main
struct KubernetesCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes-codegen",
        abstract: "Generate typed Swift from the Kubernetes schema and from CustomResourceDefinitions.",
        subcommands: [API.self, CRD.self])

    struct API: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The Kubernetes API from its published JSON schema.")

        @Option(help: "The directory holding the schema's _definitions.json.")
        var schema: String

        @Option(help: "The configuration: kinds, cluster-scoped kinds, enumerations, leading fields.")
        var config = "codegen/kubernetes-api.json"

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.emit(try Codegen.kubernetesAPI(schemaDirectory: schema, configurationPath: config))
        }
    }

    struct CRD: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Typed Swift for every served version of the CustomResourceDefinitions in FILE...",
            discussion: "The output directory holds generated files only (stale .swift files in it are removed); "
                + "make it the folder of a target that depends on KubernetesAPI. Each kind can then be placed in an "
                + "Environment, and a ManifestReader given the registry reads it strictly.")

        @Argument(help: "CRD files (YAML, one or more documents each).")
        var files: [String]

        @Option(help: "The name of the generated registry of kinds.")
        var registry = "CustomResourceKinds"

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.emit(try Codegen.customResources(crdFiles: files, registry: registry))
        }
    }
}

/// Where generated files go, and whether to compare instead of writing.
struct OutputOptions: ParsableArguments {
    @Option(help: "The directory of generated files (it holds nothing else).")
    var output: String

    @Flag(help: "Compare with the output directory instead of writing; exit 1 on any difference.")
    var check = false

    func emit(_ files: [GeneratedFile]) throws {
        if check {
            let differences = GeneratedOutput.differences(files, in: output)
            guard differences.isEmpty else {
                for path in differences { FileHandle.standardError.write(Data("not current: \(path)\n".utf8)) }
                FileHandle.standardError.write(Data("generated code is stale: run scripts/generate-kubernetes-api.sh\n".utf8))
                throw ExitCode.failure
            }
            print("kubernetes-codegen: \(files.count) files in \(output) are current")
        } else {
            try GeneratedOutput.write(files, to: output)
            print("kubernetes-codegen: wrote \(files.count) files to \(output)")
        }
    }
}
