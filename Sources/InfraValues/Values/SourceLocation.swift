import Foundation

/// Where a value was defined: for DSL values, the Swift call site (`#filePath`, `#line`); for
/// manifests read by `gen lint`, the YAML file and line.
///
/// Every resource, container, port, volume and rule records one, so a failed check can point at the
/// line at fault instead of at generated YAML. A call site keeps its `#filePath` as the compiler's
/// static string and spells out the path only when asked (for a finding): making and copying a
/// location then allocates and retains nothing, and a workload of thousands of objects records
/// tens of thousands of them.
///
/// A call site's path is spelled relative to the package it was compiled in, as a developer opens it
/// from the package root (`Sources/Environments/Production.swift`, `Tests/AppTests/AppTests.swift`),
/// whatever the directory layout and on every machine.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    private enum File: Sendable {
        /// A Swift `#filePath`, absolute as the compiler saw it.
        case filePath(StaticString)
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
        case .filePath(let filePath): Self.relativeToPackage(filePath.description)
        case .path(let path): path
        }
    }

    /// A Swift call site from the `StaticString`/`UInt` pair that `#filePath` and `#line` default
    /// arguments deliver.
    public init(_ filePath: StaticString, _ line: UInt) {
        file = .filePath(filePath)
        self.line = Int(line)
    }

    /// A line of any file, such as a manifest being linted, or a Swift file spelled relative to the
    /// package root.
    public init(path: String, line: Int) {
        file = .path(path)
        self.line = line
    }

    /// `Sources/Environments/Production.swift:42`.
    public var description: String { "\(path):\(line)" }

    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        guard lhs.line == rhs.line else { return false }
        if case .filePath(let left) = lhs.file, case .filePath(let right) = rhs.file,
           left.hasPointerRepresentation, right.hasPointerRepresentation {
            return left.withUTF8Buffer { left in right.withUTF8Buffer { right in left.elementsEqual(right) } }
        }
        return lhs.path == rhs.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(line)
    }

    // MARK: spelling a compiled path

    /// The roots a compiled path is made relative to, first match wins: the root of the package this
    /// file was compiled in, then the directory the command runs in (a package that uses this library
    /// as a dependency runs `gen` from its own root).
    private static let packageRoots: [String] = {
        var roots: [String] = []
        let own = "\(#filePath)"
        let suffix = "Sources/InfraValues/Values/SourceLocation.swift"
        if own.hasSuffix(suffix) { roots.append(String(own.dropLast(suffix.count))) }
        let current = FileManager.default.currentDirectoryPath
        if current.count > 1 { roots.append(current.hasSuffix("/") ? current : current + "/") }
        return roots
    }()

    /// `/home/me/pkg/Sources/App/File.swift` → `Sources/App/File.swift` when `/home/me/pkg` is a
    /// package root; a path under neither root stays as the compiler gave it.
    static func relativeToPackage(_ absolute: String) -> String {
        for root in packageRoots where absolute.hasPrefix(root) {
            return String(absolute.dropFirst(root.count))
        }
        return absolute
    }
}
