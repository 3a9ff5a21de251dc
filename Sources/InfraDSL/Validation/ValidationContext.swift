/// What a resource's validation reports into: the collector plus the path of the object being
/// checked, so each finding carries `production/StatefulSet/trading-engine/...`.
public struct ValidationContext: Sendable {
    /// Every finding so far.
    public var diagnostics = DiagnosticCollector()
    /// The path's segments, a stack that ``within(_:_:body:)`` pushes onto and pops: validation
    /// enters a path per object and per container, and a path is only built for a finding.
    private var segments: [String]

    /// The path of the object being checked.
    public var path: ResourcePath { ResourcePath(segments) }

    /// A context rooted at an environment.
    public init(environment: String) {
        segments = [environment]
        segments.reserveCapacity(8)
    }

    /// Runs `body` with the path extended by `segments`.
    public mutating func within(_ segments: String..., body: (inout ValidationContext) -> Void) {
        self.segments.append(contentsOf: segments)
        body(&self)
        self.segments.removeLast(segments.count)
    }

    /// Runs `body` with the path extended by two segments (``within(_:body:)`` without an array).
    public mutating func within(_ first: String, _ second: String, body: (inout ValidationContext) -> Void) {
        segments.append(first)
        segments.append(second)
        body(&self)
        segments.removeLast(2)
    }

    /// Runs `body` with the path extended by three segments (``within(_:body:)`` without an array).
    public mutating func within(_ first: String, _ second: String, _ third: String, body: (inout ValidationContext) -> Void) {
        segments.append(first)
        segments.append(second)
        segments.append(third)
        body(&self)
        segments.removeLast(3)
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
        return ResourcePath(segments + field.split(separator: "/").map(String.init))
    }
}
