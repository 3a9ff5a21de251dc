/// What a resource's validation reports into: the collector plus the path of the object being
/// checked, so each finding carries `production/StatefulSet/trading-engine/...`.
public struct ValidationContext: Sendable {
    /// Every finding so far.
    public var diagnostics = DiagnosticCollector()
    /// The path of the object being checked.
    public private(set) var path: ResourcePath

    /// A context rooted at an environment.
    public init(environment: String) { path = ResourcePath([environment]) }

    /// Runs `body` with the path extended by `segments`.
    public mutating func within(_ segments: String..., body: (inout ValidationContext) -> Void) {
        let saved = path
        path = ResourcePath(path.segments + segments)
        body(&self)
        path = saved
    }

    /// Records an error at the current path plus `field`.
    public mutating func error(_ check: String, _ message: String, field: String? = nil, at location: SourceLocation) {
        diagnostics.error(check, message, at: fieldPath(field), location)
    }

    /// Records a warning at the current path plus `field`.
    public mutating func warning(_ check: String, _ message: String, field: String? = nil, at location: SourceLocation) {
        diagnostics.warning(check, message, at: fieldPath(field), location)
    }

    private func fieldPath(_ field: String?) -> ResourcePath {
        guard let field else { return path }
        return ResourcePath(path.segments + field.split(separator: "/").map(String.init))
    }
}
