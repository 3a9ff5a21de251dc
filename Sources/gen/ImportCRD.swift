import ArgumentParser
import Foundation
import KubernetesCodegen

/// `gen import-crd`: typed Swift for custom resources, from their CustomResourceDefinitions.
struct ImportCRD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-crd",
        abstract: "Write typed Swift for every served version of the CustomResourceDefinitions in FILE...",
        discussion: """
            The output directory holds generated files only (stale .swift files in it are removed); make it
            the folder of a target that depends on KubernetesAPI. Each kind can then be placed in an
            Environment and is read strictly by gen lint.
            """)

    @Argument(help: "CRD files (YAML, one or more documents each).")
    var files: [String]

    @Option(help: "The directory to write the Swift files into.")
    var output: String

    @Option(help: "The name of the generated list of kinds.")
    var registry = "CustomResourceKinds"

    @Flag(help: "Compare with the output directory instead of writing; exit 1 on any difference.")
    var check = false

    func run() throws {
        let generated: [GeneratedFile]
        do {
            generated = try Codegen.customResources(crdFiles: files, registry: registry)
        } catch {
            printError("gen import-crd: \(error)")
            throw ExitCode.failure
        }
        if check {
            let differences = GeneratedOutput.differences(generated, in: output)
            for path in differences { printError("not current: \(path)") }
            if !differences.isEmpty { throw ExitCode.failure }
            print("gen import-crd: \(generated.count) files in \(output) are current")
        } else {
            try GeneratedOutput.write(generated, to: output)
            print("gen import-crd: wrote \(generated.count) files to \(output)")
        }
    }
}
