/// The whole pipeline `gen` runs: render every selected environment in memory, and only when all of
/// them rendered without errors, write each one atomically.
public enum Generator {
    /// Renders every environment. If any has errors, throws the findings of all of them (warnings
    /// included) and renders nothing.
    public static func renderAll(_ environments: [Environment], format: ManifestFormat = .yaml) throws(DiagnosticsError) -> [RenderedEnvironment] {
        var rendered: [RenderedEnvironment] = []
        var failures: [Diagnostic] = []
        var seen = Set<String>()
        for environment in environments where seen.insert(environment.name).inserted {
            do throws(DiagnosticsError) {
                rendered.append(try EnvironmentRenderer.render(environment, format: format))
            } catch {
                failures.append(contentsOf: error.diagnostics)
            }
        }
        let parity = ParityCheck.run(environments.filter { environment in rendered.contains { $0.name == environment.name } }.map {
            ($0, EnvironmentResolver.resolve($0).objects.map(\.resource))
        })
        if parity.contains(where: { $0.severity == .error }) || !failures.isEmpty {
            throw DiagnosticsError(failures + parity)
        }
        return rendered.map { environment in
            let own = parity.filter { $0.resourcePath.hasPrefix(environment.name + "/") }
            return RenderedEnvironment(name: environment.name, files: environment.files, warnings: environment.warnings + own)
        }
    }

    /// Renders every environment, then writes each into `directory`. A render error writes nothing;
    /// a write error leaves that environment's previous output in place.
    @discardableResult
    public static func generate(_ environments: [Environment], into directory: OutputDirectory, format: ManifestFormat = .yaml) throws -> [RenderedEnvironment] {
        let rendered = try renderAll(environments, format: format)
        for environment in rendered {
            try directory.write(environment)
        }
        return rendered
    }
}
