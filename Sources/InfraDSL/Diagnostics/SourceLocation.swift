/// Where a value was defined: for DSL values, the Swift call site (`#fileID`, `#line`); for
/// manifests read by `gen lint`, the YAML file and line.
///
/// Every resource, container, port, volume and rule records one, so a failed check can point at the
/// line at fault instead of at generated YAML. A call site keeps its `#fileID` as the compiler's
/// static string and spells out the path only when asked (for a finding): making and copying a
/// location then allocates and retains nothing, and a workload of thousands of objects records
/// tens of thousands of them.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    private enum File: Sendable {
        /// A Swift `#fileID` (`Environments/Production.swift`).
        case fileID(StaticString)
        /// Any other path, as given.
        case path(String)
    }

    private let file: File
    /// The 1-based line.
    public let line: Int

    /// The file as a developer finds it from the package root: `Sources/Environments/Production.swift`,
    /// or the path of a linted manifest.
    public var path: String {
        switch file {
        case .fileID(let fileID): "Sources/\(fileID)"
        case .path(let path): path
        }
    }

    /// A Swift call site from its `#fileID` (`Environments/Production.swift`), assuming the SwiftPM
    /// layout (`Sources/<Module>/<File>.swift`).
    public init(fileID: String, line: Int) {
        file = .path("Sources/\(fileID)")
        self.line = line
    }

    /// A Swift call site from the `StaticString`/`UInt` pair that default arguments deliver.
    public init(_ fileID: StaticString, _ line: UInt) {
        file = .fileID(fileID)
        self.line = Int(line)
    }

    /// A line of any file, such as a manifest being linted.
    public init(path: String, line: Int) {
        file = .path(path)
        self.line = line
    }

    /// `Sources/Environments/Production.swift:42`.
    public var description: String { "\(path):\(line)" }

    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        guard lhs.line == rhs.line else { return false }
        if case .fileID(let left) = lhs.file, case .fileID(let right) = rhs.file,
           left.hasPointerRepresentation, right.hasPointerRepresentation {
            return left.withUTF8Buffer { left in right.withUTF8Buffer { right in left.elementsEqual(right) } }
        }
        return lhs.path == rhs.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(line)
    }
}
