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
    /// What the parity check compares of this environment, read while rendering.
    var parityTier: ParityCheck.Tier?

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
    /// over every core as one graph of tasks (``TaskGraph``). Per environment: batches of objects
    /// resolved and serialized, each joined (definition-order findings, duplicates) right after it
    /// and the batches before it; then the objects put in apply order; then, at once, the file
    /// layout (which does not depend on the checks), the parity summary and the index the checks
    /// read, then every check as its own task; last, findings and files joined. Each step starts
    /// as soon as its own inputs are ready, and environments are finished one after another, so
    /// once the last environment's objects are resolved only its own steps are left. Each result is
    /// what rendering that environment alone gives.
    public static func renderEach(_ environments: [Environment], format: ManifestFormat = .yaml, layout: ManifestLayout = .files) -> [Result<RenderedEnvironment, DiagnosticsError>] {
        let graph = TaskGraph()
        let checks = Checks.all
        let results = TaskOutputs<Result<RenderedEnvironment, DiagnosticsError>>(count: environments.count)
        for (index, environment) in environments.enumerated() {
            let resolution = EnvironmentResolver.addResolution(of: environment, group: index, to: graph) { resource in
                Result { () throws -> String in try serialize(resource, format) }
            }
            let (objects, resolvedDiagnostics, serialized, join) = (resolution.objects, resolution.diagnostics, resolution.derived, resolution.done)
            let laidOut = TaskOutputs<EnvironmentLayout>(count: 1)
            let layoutTask = graph.add(group: index, after: [join]) {
                laidOut.set(0, EnvironmentLayout(environment, objects[0], serialized.take(0), format, layout))
            }
            // Semantic checks read objects that passed validation.
            let context = TaskOutputs<CheckContext?>(count: 1)
            let indexTask = graph.add(group: index, after: [join]) {
                context.set(0, resolvedDiagnostics[0].hasErrors ? nil : CheckContext(environment: environment, objects: objects[0].map(\.resource)))
            }
            let parityTier = TaskOutputs<ParityCheck.Tier>(count: 1)
            let parityTask = graph.add(group: index, after: [join]) {
                parityTier.set(0, ParityCheck.Tier(environment, objects[0].lazy.map(\.resource)))
            }
            let findings = TaskOutputs<[Diagnostic]>(count: checks.count)
            let checkTasks = checks.indices.map { check in
                graph.add(group: index, after: [indexTask]) {
                    findings.set(check, context[0].map { Checks.run(checks[check], in: $0) } ?? [])
                }
            }
            graph.add(group: index, after: [layoutTask, parityTask] + checkTasks) {
                _ = context.take(0)
                var diagnostics = resolvedDiagnostics.take(0)
                for finding in findings.takeAll().joined() { diagnostics.append(finding) }
                results.set(index, Result { () throws(DiagnosticsError) in
                    var rendered = try finish(environment, objects.take(0), laidOut.take(0), diagnostics)
                    rendered.parityTier = parityTier.take(0)
                    return rendered
                })
            }
        }
        graph.run()
        return results.all
    }

    /// Joins an environment's findings and files; any error throws every finding.
    private static func finish(
        _ environment: Environment, _ objects: [ResolvedObject], _ layout: EnvironmentLayout, _ collected: DiagnosticCollector
    ) throws(DiagnosticsError) -> RenderedEnvironment {
        var diagnostics = collected
        diagnostics.append(contentsOf: layout.diagnostics)
        var files = layout.files
        guard !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics.diagnostics) }
        files.sort { $0.path < $1.path }
        return RenderedEnvironment(name: environment.name, files: files, warnings: diagnostics.diagnostics, objects: objects)
    }

    /// YAML is written straight from the object's events; what the direct writer declines, and
    /// JSON, go through the object's ``Value`` document.
    private static func serialize(_ resource: any Resource, _ format: ManifestFormat) throws -> String {
        switch format {
        case .yaml:
            if let text = BlockYAMLWriter.render(resource) { return text }
            return try YAMLRenderer.renderWithLibyaml(EnvironmentResolver.document(for: resource))
        case .json: return JSONRenderer.render(EnvironmentResolver.document(for: resource))
        }
    }
}

