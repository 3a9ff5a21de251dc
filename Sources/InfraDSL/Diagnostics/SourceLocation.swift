/// Where a DSL value was written: the `#fileID` and `#line` of the call that created it.
///
/// Every resource, container, port, volume and rule records one, so a failed check can point at the
/// Swift line at fault instead of at generated YAML.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The `#fileID` of the call site, such as `Environments/Production.swift`.
    public let fileID: String
    /// The line of the call site.
    public let line: Int

    /// Creates a location; pass `#fileID` and `#line` from the caller's default arguments.
    public init(fileID: String, line: Int) {
        self.fileID = fileID
        self.line = line
    }

    /// Creates a location from the `StaticString`/`UInt` pair that default arguments deliver.
    public init(_ fileID: StaticString, _ line: UInt) {
        self.fileID = "\(fileID)"
        self.line = Int(line)
    }

    /// The path as a developer sees it from the package root, assuming the SwiftPM layout
    /// (`Sources/<Module>/<File>.swift`): `Sources/Environments/Production.swift`.
    public var path: String { "Sources/\(fileID)" }

    /// `Sources/Environments/Production.swift:42`.
    public var description: String { "\(path):\(line)" }
}
