import InfraDSL

extension Catalog {
    /// Renders `environments` and the output they share: the Helm chart under `helm/`, made from
    /// every environment that deploys with it whenever one of them is among `environments`. Those
    /// not among them are rendered for the chart only, so the chart is always whole.
    ///
    /// `environments` are the catalog's, running `pins` (the chart takes each one's typed values
    /// from its ``Stage``). Nothing is returned unless everything rendered; the findings of all of
    /// them are thrown.
    public static func render(
        _ environments: [Environment], pins: ImagePins = .current, format: ManifestFormat = .yaml, layout: ManifestLayout = .files
    ) throws(DiagnosticsError) -> [RenderedEnvironment] {
        let charted = stages(with: pins).filter(HelmPackaging.deploysWithChart)
        let selected = Set(environments.map(\.name))
        guard charted.contains(where: { selected.contains($0.name) }) else {
            return try Generator.renderAll(environments, format: format, layout: layout)
        }
        // In catalog order, as the parity check compares them (an environment outside it last).
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let extra = charted.filter { !selected.contains($0.name) }.map(\.environment)
        let all = (environments + extra).sorted { (position[$0.name] ?? names.count) < (position[$1.name] ?? names.count) }
        let rendered = try Generator.renderAll(all, format: format, layout: layout)
        let objects = Dictionary(rendered.map { ($0.name, $0.objects) }, uniquingKeysWith: { first, _ in first })
        let files: [(path: String, contents: String)]
        do {
            files = try HelmPackaging.output(charted.map { ($0, objects[$0.name] ?? []) })
        } catch {
            throw DiagnosticsError([Diagnostic(
                severity: .error, check: "render", message: "could not make the Helm chart: \(error)",
                resourcePath: HelmPackaging.outputName, location: SourceLocation(#filePath, #line))])
        }
        let chart = RenderedEnvironment(
            name: HelmPackaging.outputName, files: files.map { RenderedFile(path: "\(HelmPackaging.outputName)/\($0.path)", contents: $0.contents) })
        let byName = Dictionary(rendered.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        return environments.filter { seen.insert($0.name).inserted }.compactMap { byName[$0.name] } + [chart]
    }
}
