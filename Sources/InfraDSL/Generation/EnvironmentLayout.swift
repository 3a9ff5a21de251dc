/// An environment's files before the checks' verdict: its objects' files (or stream) with the
/// kustomization, and its artifacts, with the findings of laying them out (names that collide,
/// text that could not be serialized). Derived outputs are not here: they are made only once the
/// checks found no error.
struct EnvironmentLayout: Sendable {
    var files: [RenderedFile] = []
    var diagnostics = DiagnosticCollector()

    /// The files of `environment`'s serialized objects in `layout`, and of its artifacts.
    init(
        _ environment: Environment, _ objects: [ResolvedObject], _ serialized: [Result<String, any Error>],
        _ format: ManifestFormat, _ layout: ManifestLayout
    ) {
        if layout == .stream && format != .yaml {
            diagnostics.error("render", "the stream layout writes one YAML stream; render it as YAML", at: ResourcePath([environment.name]), environment.location)
        }
        var stream: [String] = []
        stream.reserveCapacity(layout == .stream ? objects.count : 0)
        var manifestNames: [String] = []
        // Files are named by kind and name: two objects whose names collide there (the same kind
        // and name in two namespaces) cannot both be written.
        var owners: [FileName: (identity: ResolvedObject.Identity, location: SourceLocation)] = [:]
        owners.reserveCapacity(objects.count)
        var lowercasedKinds: [String: String] = [:]
        var artifactOwners: [String: SourceLocation] = [:]
        let directory = "\(environment.name)/kubernetes"
        for (object, text) in zip(objects, serialized) {
            let file = FileName(lowercasedKind: Self.lowercased(object.kind, cache: &lowercasedKinds), name: object.name)
            // One lookup for the common case, a new file; a collision puts the first owner back.
            if let owner = owners.updateValue((object.identity, object.resource.location), forKey: file) {
                owners[file] = owner
                // The same object defined twice was already reported by the resolver.
                guard owner.identity != object.identity else { continue }
                diagnostics.error("duplicate", "\(object.resource.identity) would be written to \(object.fileStem).\(format.rawValue), which the object defined at \(owner.location) already writes; give one of them another name", at: ResourcePath([environment.name, object.kind, object.name]), object.resource.location)
                continue
            }
            switch text {
            case .success(let contents):
                switch layout {
                case .files:
                    let fileName = "\(object.fileStem).\(format.rawValue)"
                    manifestNames.append(fileName)
                    files.append(RenderedFile(path: "\(directory)/\(fileName)", contents: contents))
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
            let problems = artifact.contentProblems
            for problem in problems {
                diagnostics.error(problem.check, problem.message, at: ResourcePath([environment.name, "file", artifact.path, problem.field]), problem.location)
            }
            guard problems.isEmpty else { continue }
            do {
                files.append(RenderedFile(path: "\(environment.name)/\(artifact.path)", contents: try artifact.rendered()))
            } catch {
                diagnostics.error("render", "could not serialize: \(error)", at: path, artifact.location)
            }
        }
        switch layout {
        case .stream:
            // Objects are already in apply order; each document starts with its own `---`. The
            // file keeps the documents' texts as they are, to be written one after another.
            var parts: [String] = []
            parts.reserveCapacity(stream.count * 2)
            for document in stream {
                parts.append("---\n")
                parts.append(document)
            }
            files.append(RenderedFile(path: "\(directory)/\(ManifestLayout.streamFileName)", parts: parts))
        case .files:
            let kustomization: Value = [
                "apiVersion": "kustomize.config.k8s.io/v1beta1",
                "kind": "Kustomization",
                "resources": .array(manifestNames.map(Value.string)),
            ]
            do {
                files.append(RenderedFile(path: "\(directory)/kustomization.yaml", contents: try YAMLRenderer.render(kustomization)))
            } catch {
                diagnostics.error("render", "could not serialize the kustomization: \(error)", at: ResourcePath([environment.name]), environment.location)
            }
        }
    }

    /// What an object's file is named by: its lower-case kind and its name.
    private struct FileName: Hashable {
        let lowercasedKind: String
        let name: String
    }

    /// `kind` in lower case, computed once per kind.
    private static func lowercased(_ kind: String, cache: inout [String: String]) -> String {
        if let known = cache[kind] { return known }
        let lowered = kind.lowercased()
        cache[kind] = lowered
        return lowered
    }
}
