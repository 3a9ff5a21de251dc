/// Collects the findings of every check over one render, in the order they were found.
public struct DiagnosticCollector: Sendable {
    /// Every finding so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// An empty collector.
    public init() {}

    /// Whether any finding is an error (which must stop generation).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records an error.
    public mutating func error(_ check: String, _ message: String, at path: ResourcePath, _ location: SourceLocation) {
        diagnostics.append(Diagnostic(
            severity: .error, check: check, message: message, resourcePath: path.description, location: location))
    }

    /// Records a warning.
    public mutating func warning(_ check: String, _ message: String, at path: ResourcePath, _ location: SourceLocation) {
        diagnostics.append(Diagnostic(
            severity: .warning, check: check, message: message, resourcePath: path.description, location: location))
    }

    /// Appends one finding.
    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Appends findings from another collector.
    public mutating func append(contentsOf other: DiagnosticCollector) {
        diagnostics.append(contentsOf: other.diagnostics)
    }
}

/// Thrown when a render found errors; carries every finding, warnings included.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// Every finding of the failed render.
    public let diagnostics: [Diagnostic]

    /// Wraps the findings of a failed render.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return (diagnostics.map(\.description) + ["\(errors) error(s)"]).joined(separator: "\n")
    }
}
