/// How findings are printed.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines: `path:line: severity: [check] message (at resource)`.
    case text
    /// A JSON array of objects with `severity`, `check`, `message`, `resource`, `file`, `line`.
    case json
}

/// Prints findings for people or machines.
public enum DiagnosticReport {
    /// The findings in a format, errors and warnings alike, in the order found.
    public static func render(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .text:
            return diagnostics.map { $0.description + "\n" }.joined()
        case .json:
            return JSONRenderer.render(.array(diagnostics.map { diagnostic in
                [
                    "severity": .string(diagnostic.severity.rawValue),
                    "check": .string(diagnostic.check),
                    "message": .string(diagnostic.message),
                    "resource": .string(diagnostic.resourcePath),
                    "file": .string(diagnostic.location.path),
                    "line": .int(diagnostic.location.line),
                ]
            }))
        }
    }

    /// `N error(s), M warning(s)`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return "\(errors) error(s), \(diagnostics.count - errors) warning(s)"
    }
}
