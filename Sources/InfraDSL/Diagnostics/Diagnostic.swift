/// How serious a finding is. Errors stop `gen` before anything is written; warnings print.
public enum Severity: String, Sendable, Hashable, Comparable, Codable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One finding of a check: a value, printed compiler-style by the command line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious the finding is.
    public let severity: Severity
    /// A stable identifier of the rule that produced it, such as `name` or `requests-above-limits`.
    public let check: String
    /// What is wrong and, where it helps, what to do about it.
    public let message: String
    /// The object and field at fault: `production/StatefulSet/trading-engine/spec/replicas`.
    public let resourcePath: String
    /// The Swift line that defined the value at fault.
    public internal(set) var location: SourceLocation

    /// Creates a finding.
    public init(
        severity: Severity, check: String, message: String,
        resourcePath: String, location: SourceLocation
    ) {
        self.severity = severity
        self.check = check
        self.message = message
        self.resourcePath = resourcePath
        self.location = location
    }

    /// `Sources/Environments/Production.swift:42: error: [name] message (at production/...)`.
    public var description: String {
        "\(location): \(severity.rawValue): [\(check)] \(message) (at \(resourcePath))"
    }
}
