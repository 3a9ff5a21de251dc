/// The whole pipeline `gen` runs: render every selected environment in memory, and only when all of
/// them rendered without errors, write each one atomically.
public enum Generator {
    /// Renders every environment. If any has errors, throws the findings of all of them (warnings
    /// included) and renders nothing.
    public static func renderAll(_ environments: [Environment], format: ManifestFormat = .yaml, layout: ManifestLayout = .files) throws(DiagnosticsError) -> [RenderedEnvironment] {
        var seen = Set<String>()
        let unique = environments.filter { seen.insert($0.name).inserted }
        // Environments are independent: each stage runs over all of them at once, on every core.
        let results = EnvironmentRenderer.renderEach(unique, format: format, layout: layout)
        var rendered: [RenderedEnvironment] = []
        var failures: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let environment): rendered.append(environment)
            case .failure(let error): failures.append(contentsOf: error.diagnostics)
            }
        }
        let parity = ParityCheck.run(environments.compactMap { environment in
            rendered.first { $0.name == environment.name }?.parityTier
        })
        if parity.contains(where: { $0.severity == .error }) || !failures.isEmpty {
            throw DiagnosticsError(failures + parity)
        }
        return rendered.map { environment in
            let own = parity.filter { $0.resourcePath.hasPrefix(environment.name + "/") }
            return RenderedEnvironment(name: environment.name, files: environment.files, warnings: environment.warnings + own, objects: environment.objects)
        }
    }

    /// Renders every environment, then writes each into `directory`. A render error writes nothing;
    /// a write error leaves that environment's previous output in place.
    @discardableResult
    public static func generate(_ environments: [Environment], into directory: OutputDirectory, format: ManifestFormat = .yaml, layout: ManifestLayout = .files) throws -> [RenderedEnvironment] {
        let rendered = try renderAll(environments, format: format, layout: layout)
        try write(rendered, into: directory)
        return rendered
    }

    /// Writes rendered environments, each atomically, several at once (they are separate directories).
    public static func write(_ rendered: [RenderedEnvironment], into directory: OutputDirectory) throws {
        let results = Parallel.map(count: rendered.count) { index in
            Result { try directory.write(rendered[index]) }
        }
        for result in results { try result.get() }
    }
}
