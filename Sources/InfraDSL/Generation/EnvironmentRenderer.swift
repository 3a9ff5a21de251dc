/// The rendered output of one environment: its files and every finding (warnings only, since a
/// render with errors throws).
public struct RenderedEnvironment: Sendable {
    /// The environment's name, which is also the top directory of its files.
    public let name: String
    /// The files, sorted by path, paths relative to the output directory.
    public let files: [RenderedFile]
    /// Warnings found on the way.
    public let warnings: [Diagnostic]
    /// The objects the files were rendered from (empty for files made elsewhere).
    public var objects: [ResolvedObject] = []

    init(name: String, files: [RenderedFile], warnings: [Diagnostic], objects: [ResolvedObject] = []) {
        self.name = name
        self.files = files
        self.warnings = warnings
        self.objects = objects
    }
}

/// Renders an environment into the output layout:
/// `<env>/kubernetes/<kind>-<name>.yaml` (one object per file) and
/// `<env>/kubernetes/kustomization.yaml` (every file, in apply order).
public enum EnvironmentRenderer {
    /// Renders every file of `environment`, or throws every finding if any is an error. Nothing is
    /// written here; writing is the caller's decision.
    public static func render(_ environment: Environment, format: ManifestFormat = .yaml, layout: ManifestLayout = .files) throws(DiagnosticsError) -> RenderedEnvironment {
        try renderEach([environment], format: format, layout: layout)[0].get()
    }

    /// ``render(_:format:)`` for several environments, each stage (resolving, checking,
    /// serializing) one parallel pass over the work of all of them. Each result is what rendering
    /// that environment alone gives.
    public static func renderEach(_ environments: [Environment], format: ManifestFormat = .yaml, layout: ManifestLayout = .files) -> [Result<RenderedEnvironment, DiagnosticsError>] {
        // Each document is serialized as soon as it is built, in the same parallel pass.
        let resolved = EnvironmentResolver.resolveAll(environments) { document in
            Result { () throws -> String in try serialize(document, format) }
        }
        // Semantic checks read objects that passed validation.
        let checkable = environments.indices.filter { !resolved[$0].diagnostics.hasErrors }
        let checked = Checks.runAll(checkable.map { (environments[$0], resolved[$0].objects.map(\.resource)) })
        var findings = [[Diagnostic]](repeating: [], count: environments.count)
        for (index, diagnostics) in zip(checkable, checked) { findings[index] = diagnostics }
        let checkFindings = findings
        return Parallel.map(count: environments.count) { index in
            var diagnostics = resolved[index].diagnostics
            for finding in checkFindings[index] { diagnostics.append(finding) }
            return Result { () throws(DiagnosticsError) in
                try assemble(environments[index], resolved[index].objects, resolved[index].derived, diagnostics, format, layout)
            }
        }
    }

    /// Lays out one environment's files from its serialized objects, artifacts and derived outputs.
    private static func assemble(
        _ environment: Environment, _ objects: [ResolvedObject], _ serialized: [Result<String, any Error>],
        _ collected: DiagnosticCollector, _ format: ManifestFormat, _ layout: ManifestLayout
    ) throws(DiagnosticsError) -> RenderedEnvironment {
        var diagnostics = collected
        if layout == .stream && format != .yaml {
            diagnostics.error("render", "the stream layout writes one YAML stream; render it as YAML", at: ResourcePath([environment.name]), environment.location)
        }
        var files: [RenderedFile] = []
        var stream: [String] = []
        var manifestNames: [String] = []
        var owners: [String: (key: String, location: SourceLocation)] = [:]
        var artifactOwners: [String: SourceLocation] = [:]
        let directory = "\(environment.name)/kubernetes"
        for (object, text) in zip(objects, serialized) {
            let fileName = "\(object.fileStem).\(format.rawValue)"
            if let owner = owners[fileName] {
                // The same object defined twice was already reported by the resolver.
                guard owner.key != object.key else { continue }
                diagnostics.error("duplicate", "\(object.resource.identity) would be written to \(fileName), which the object defined at \(owner.location) already writes; give one of them another name", at: ResourcePath([environment.name, type(of: object.resource).kind, object.resource.metadata.name]), object.resource.location)
                continue
            }
            owners[fileName] = (object.key, object.resource.location)
            manifestNames.append(fileName)
            switch text {
            case .success(let contents):
                switch layout {
                case .files: files.append(RenderedFile(path: "\(directory)/\(fileName)", contents: contents))
                case .stream: stream.append(contents)
                }
            case .failure(let error):
                diagnostics.error("render", "could not serialize: \(error)", at: ResourcePath([environment.name, object.resource.identity]), object.resource.location)
            }
        }
        for artifact in environment.artifacts {
            let path = ResourcePath([environment.name, "file", artifact.path])
            if let problem = artifact.pathProblem {
                diagnostics.error("name", "output file '\(artifact.path)' \(problem)", at: path, artifact.location)
                continue
            }
            if let owner = artifactOwners[artifact.path] {
                diagnostics.error("duplicate", "output file '\(artifact.path)' is also written at \(owner)", at: path, artifact.location)
                continue
            }
            artifactOwners[artifact.path] = artifact.location
            do {
                files.append(RenderedFile(path: "\(environment.name)/\(artifact.path)", contents: try artifact.rendered()))
            } catch {
                diagnostics.error("render", "could not serialize: \(error)", at: path, artifact.location)
            }
        }
        if !diagnostics.hasErrors {
            for output in environment.derivedOutputs {
                do {
                    for file in try output.make(objects) {
                        files.append(RenderedFile(path: "\(environment.name)/\(output.directory)/\(file.path)", contents: file.contents))
                    }
                } catch {
                    diagnostics.error("render", "could not make \(output.directory): \(error)", at: ResourcePath([environment.name, output.directory]), output.location)
                }
            }
        }
        guard !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics.diagnostics) }
        if layout == .stream {
            // Objects are already in apply order; each document starts with its own `---`.
            var text = ""
            text.reserveCapacity(stream.reduce(0) { $0 + $1.utf8.count + 4 })
            for document in stream {
                text += "---\n"
                text += document
            }
            files.append(RenderedFile(path: "\(directory)/\(ManifestLayout.streamFileName)", contents: text))
            files.sort { $0.path < $1.path }
            return RenderedEnvironment(name: environment.name, files: files, warnings: diagnostics.diagnostics, objects: objects)
        }
        let kustomization: Value = [
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "resources": .array(manifestNames.map(Value.string)),
        ]
        do {
            files.append(RenderedFile(path: "\(directory)/kustomization.yaml", contents: try YAMLRenderer.render(kustomization)))
        } catch {
            diagnostics.error("render", "could not serialize the kustomization: \(error)", at: ResourcePath([environment.name]), environment.location)
            throw DiagnosticsError(diagnostics.diagnostics)
        }
        files.sort { $0.path < $1.path }
        return RenderedEnvironment(name: environment.name, files: files, warnings: diagnostics.diagnostics, objects: objects)
    }

    private static func serialize(_ document: Value, _ format: ManifestFormat) throws -> String {
        switch format {
        case .yaml: return try YAMLRenderer.render(document)
        case .json: return JSONRenderer.render(document)
        }
    }
}
