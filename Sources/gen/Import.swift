import ArgumentParser
import Foundation
import InfraDSL

/// `gen import`: existing Kubernetes manifests as a SwiftPM package of InfraDSL Swift.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write existing Kubernetes manifests as a Swift package built with InfraDSL.",
        discussion: """
            Every object is read strictly against its schema, then written as Swift: one environment per \
            namespace, one file per application (a workload and what belongs to it alone) or kind group. \
            `swift run --package-path DIR` renders the package in gen's layout. An object that cannot be \
            read exactly (an unknown field, a kind outside the model) stops the import, naming its line.
            """)

    @Argument(help: "Manifest files or directories (YAML, multi-document, kustomizations).")
    var paths: [String]

    @Option(help: "The directory to create the package in (it must not exist, or be empty).")
    var package: String

    @Option(help: "The package's name, a Swift type name (default: from the directory's name).")
    var name: String?

    @Option(help: "The namespace of a namespaced object that names none, as kubectl would apply it.")
    var namespace = "default"

    @Option(help: "The InfraDSL package the new one depends on, by path.")
    var infradsl = "."

    func run() throws {
        let library = try Self.infraDSLRoot(infradsl)
        let (reader, unreadable) = try ManifestInput.read(paths, namespace: namespace)
        // What cannot be written exactly: a field the object was read without, malformed YAML, a
        // document not read at all. A value the schema does not list is written as it is (its
        // environment's checks report it at the Swift line).
        let blocking = unreadable
            + reader.diagnostics.diagnostics.filter { $0.check == "yaml" } + reader.unknownFields
            + reader.unread.map { Diagnostic(severity: .error, check: "import", message: "this document is not an object of the generated API or of an imported custom resource, so it cannot be written as Swift", resourcePath: $0.path, location: $0) }
        guard blocking.isEmpty else {
            blocking.forEach { printError($0.description) }
            printError("gen import: \(blocking.count) problem(s); nothing was written")
            throw ExitCode.failure
        }
        let target = URL(fileURLWithPath: package).standardizedFileURL
        let packageName = name ?? ManifestImport.packageName(for: target.path)
        guard packageName.first?.isLetter == true, packageName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw ValidationError("--name \(packageName) is not a Swift type name")
        }
        let options = ManifestImport.Options(
            name: packageName, dependencyPath: Self.relativePath(from: target, to: library),
            dependencyIdentity: library.lastPathComponent.lowercased(), defaultNamespace: namespace)
        let imported = ManifestImport.package(reader.objects, options: options)
        try Self.create(target, files: imported.files)
        imported.notes.forEach { printError($0.description) }
        printError("gen import: \(reader.objects.count) object(s) in \(imported.environments.count) environment(s) (\(imported.environments.joined(separator: ", "))), \(imported.files.count) file(s) in \(package); render with: swift run --package-path \(package)")
    }

    /// The InfraDSL package's root, checked to be one.
    private static func infraDSLRoot(_ path: String) throws -> URL {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        let manifest = (try? String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)) ?? ""
        guard manifest.contains("name: \"InfraDSL\"") else {
            throw ValidationError("\(path) is not the InfraDSL package (run from its root, or pass --infradsl)")
        }
        return root
    }

    /// `to` as a path relative to `from` (both absolute directories).
    static func relativePath(from: URL, to: URL) -> String {
        let source = from.pathComponents
        let destination = to.pathComponents
        var common = 0
        while common < min(source.count, destination.count) && source[common] == destination[common] { common += 1 }
        let parts = Array(repeating: "..", count: source.count - common) + destination[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Writes every file into a new directory beside `target`, then renames it into place: a failed
    /// import leaves nothing behind.
    private static func create(_ target: URL, files: [(path: String, contents: String)]) throws {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: target.path) {
            guard existing.isEmpty else { throw ValidationError("\(target.path) exists and is not empty; choose a new directory") }
            try manager.removeItem(at: target)
        }
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).import-\(getpid())")
        do {
            for (path, contents) in files {
                let file = staging.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: file)
            }
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }
}
