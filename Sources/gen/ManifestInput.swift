import ArgumentParser
import CustomResources
import Foundation
import InfraDSL

/// Reads manifest files and directories for `gen lint` and `gen import`: YAML files found below a
/// directory, a directory holding a kustomization as its `kubectl kustomize` build, binary or
/// unreadable files reported by name.
enum ManifestInput {
    /// Every object of the manifests at `paths`, read strictly, and the files or kustomizations that
    /// could not be read (each a finding; the rest is still read).
    static func read(_ paths: [String], namespace: String) throws -> (reader: ManifestReader, unreadable: [Diagnostic]) {
        // The custom resources this project imports (External Secrets, Prometheus Operator) are read
        // against their schemas like the API's own kinds.
        var reader = ManifestReader(more: CustomResourceKinds.all, defaultNamespace: namespace)
        var unreadable: [Diagnostic] = []
        let (files, kustomizations) = try manifestFiles(paths)
        for directory in kustomizations {
            // A kustomization is linted as what it builds; its files may be patches, not objects.
            switch KustomizeBuild.run(directory) {
            case .built(let stream):
                reader.read(yaml: stream, file: KustomizeBuild.name(of: directory))
            case .failed(let message):
                unreadable.append(Self.unreadable(directory, "is a kustomization that kubectl kustomize cannot build: \(message)"))
            case .noKubectl:
                printError("gen: kubectl is not on PATH, so \(directory) is read file by file, not as its kustomize build")
                for file in try Self.yamlFiles(under: directory) { read(file, into: &reader, unreadable: &unreadable) }
            }
        }
        // The files' texts, then all of them read at once on every core.
        var texts: [(yaml: String, file: String)] = []
        for file in files {
            if let text = text(of: file, unreadable: &unreadable) { texts.append((text, file)) }
        }
        reader.read(files: texts)
        return (reader, unreadable)
    }

    private static func read(_ file: String, into reader: inout ManifestReader, unreadable: inout [Diagnostic]) {
        if let text = text(of: file, unreadable: &unreadable) { reader.read(yaml: text, file: file) }
    }

    /// A file's text; a file that cannot be read as text is a finding at that file, and the rest is read.
    private static func text(of file: String, unreadable: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: file) else {
            unreadable.append(Self.unreadable(file, "cannot be read"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            unreadable.append(Self.unreadable(file, "is not UTF-8 text (a binary file?), so it was not read"))
            return nil
        }
        return text
    }

    private static func unreadable(_ file: String, _ problem: String) -> Diagnostic {
        Diagnostic(severity: .error, check: "lint", message: "\(file) \(problem)", resourcePath: file, location: SourceLocation(path: file, line: 1))
    }

    /// Every YAML file named or found below a named directory, sorted, and the directories holding a
    /// kustomization (linted as their build; nothing below one is linted again). A directory with
    /// neither is an error (linting nothing must not pass).
    private static func manifestFiles(_ paths: [String]) throws -> (files: [String], kustomizations: [String]) {
        var files: [String] = []
        var kustomizations: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let found = try Self.yamlFiles(under: path)
            let roots = found.filter { KustomizeBuild.fileNames.contains(($0 as NSString).lastPathComponent) }
                .map { ($0 as NSString).deletingLastPathComponent }
            // The outermost kustomizations: an overlay's base is built through the overlay.
            let outermost = roots.filter { root in !roots.contains { $0 != root && root.hasPrefix($0 + "/") } }
            kustomizations += outermost
            files += found.filter { file in !outermost.contains { file.hasPrefix($0 + "/") } }
        }
        return (files.sorted(), kustomizations.sorted())
    }

    private static func yamlFiles(under directory: String) throws -> [String] {
        let entries = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        let found = entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { (directory as NSString).appendingPathComponent($0) }
        guard !found.isEmpty else { throw ValidationError("no YAML file (.yaml, .yml) under \(directory)") }
        return found.sorted()
    }
}
