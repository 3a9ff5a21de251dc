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

/// Renders an environment into the output layout (``ManifestLayout``):
/// `<env>/kubernetes/<kind>-<name>.yaml` (one object per file) and
/// `<env>/kubernetes/kustomization.yaml` (every file, in apply order), or
/// `<env>/kubernetes/manifests.yaml` (every object in apply order, one stream); plus the
/// environment's other files.
public enum EnvironmentRenderer {
    /// Renders every file of `environment`, or throws every finding if any is an error. Nothing is
    /// written here; writing is the caller's decision.
    public static func render(_ environment: Environment, format: ManifestFormat = .yaml, layout: ManifestLayout = .files) throws(DiagnosticsError) -> RenderedEnvironment {
        try renderEach([environment], format: format, layout: layout)[0].get()
    }

    /// ``render(_:format:layout:)`` for several environments, with the work of all of them spread
    /// over every core: every object resolved and serialized in one parallel pass; then each
    /// environment's objects joined and indexed for the checks; then one pass running every check
    /// of every environment beside each environment's file layout (which does not depend on the
    /// checks). Each result is what rendering that environment alone gives.
    public static func renderEach(_ environments: [Environment], format: ManifestFormat = .yaml, layout: ManifestLayout = .files) -> [Result<RenderedEnvironment, DiagnosticsError>] {
        let batches = EnvironmentResolver.resolveBatches(environments) { document in
            Result { () throws -> String in try serialize(document, format) }
        }
        let joined = Parallel.map(count: environments.count) { index in
            let resolved = EnvironmentResolver.join(environments[index], batches[index])
            // Semantic checks read objects that passed validation.
            let checks = resolved.diagnostics.hasErrors ? nil : CheckContext(environment: environments[index], objects: resolved.objects.map(\.resource))
            return (resolved: resolved, checks: checks)
        }
        let checks = Checks.all
        let checkTasks = joined.indices.flatMap { index in joined[index].checks == nil ? [] : checks.indices.map { (environment: index, check: $0) } }
        // The layouts (the larger tasks) are handed out first, the checks fill in around them.
        let outputs = Parallel.map(count: environments.count + checkTasks.count) { task -> StageOutput in
            guard task >= environments.count else {
                let resolved = joined[task].resolved
                return .layout(EnvironmentLayout(environments[task], resolved.objects, resolved.derived, format, layout))
            }
            let (environment, check) = checkTasks[task - environments.count]
            return .findings(Checks.run(checks[check], in: joined[environment].checks!))
        }
        var findings = [[Diagnostic]](repeating: [], count: environments.count)
        for (task, output) in zip(checkTasks, outputs.dropFirst(environments.count)) {
            if case .findings(let diagnostics) = output { findings[task.environment] += diagnostics }
        }
        let checkFindings = findings
        return Parallel.map(count: environments.count) { index in
            guard case .layout(let laidOut) = outputs[index] else { preconditionFailure("the first outputs are the layouts") }
            var diagnostics = joined[index].resolved.diagnostics
            for finding in checkFindings[index] { diagnostics.append(finding) }
            return Result { () throws(DiagnosticsError) in
                try finish(environments[index], joined[index].resolved.objects, laidOut, diagnostics)
            }
        }
    }

    /// What a task of the checking pass produced.
    private enum StageOutput: Sendable {
        case layout(EnvironmentLayout)
        case findings([Diagnostic])
    }

    /// Joins an environment's findings and files: derived outputs are made only when nothing
    /// before them is an error; any error throws every finding.
    private static func finish(
        _ environment: Environment, _ objects: [ResolvedObject], _ layout: EnvironmentLayout, _ collected: DiagnosticCollector
    ) throws(DiagnosticsError) -> RenderedEnvironment {
        var diagnostics = collected
        diagnostics.append(contentsOf: layout.diagnostics)
        var files = layout.files
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
