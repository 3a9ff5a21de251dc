/// Where a value was defined: for DSL values, the Swift call site (`#fileID`, `#line`); for
/// manifests read by `gen lint`, the YAML file and line.
///
/// Every resource, container, port, volume and rule records one, so a failed check can point at the
/// line at fault instead of at generated YAML.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as a developer finds it from the package root: `Sources/Environments/Production.swift`,
    /// or the path of a linted manifest.
    public let path: String
    /// The 1-based line.
    public let line: Int

    /// A Swift call site from its `#fileID` (`Environments/Production.swift`), assuming the SwiftPM
    /// layout (`Sources/<Module>/<File>.swift`).
    public init(fileID: String, line: Int) {
        path = "Sources/\(fileID)"
        self.line = line
    }

    /// A Swift call site from the `StaticString`/`UInt` pair that default arguments deliver.
    public init(_ fileID: StaticString, _ line: UInt) {
        self.init(fileID: "\(fileID)", line: Int(line))
    }

    /// A line of any file, such as a manifest being linted.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    /// `Sources/Environments/Production.swift:42`.
    public var description: String { "\(path):\(line)" }
}
