import Foundation

/// Writes rendered environments to disk atomically and compares them with what is there.
///
/// Writing renders nothing: it takes files already rendered in memory, writes them into a temporary
/// directory beside the target, and swaps it in. Files that no longer belong disappear with the old
/// directory; a failure at any step leaves the previous output as it was.
public struct OutputDirectory: Sendable {
    /// The output root, such as `out` or `snapshots`.
    public let root: URL

    /// An output root.
    public init(root: URL) { self.root = root }

    /// Replaces `root/<environment>` with exactly `environment.files`.
    public func write(_ environment: RenderedEnvironment) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        removeLeftovers(of: environment.name)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = root.appendingPathComponent(".\(environment.name).tmp-\(token)")
        let retired = root.appendingPathComponent(".\(environment.name).old-\(token)")
        let target = root.appendingPathComponent(environment.name)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let stagingPath = staging.path
            var created: Set<Substring> = [""]
            for file in environment.files {
                let relative = try relativePath(of: file, in: environment.name)
                let directory = relative[..<(relative.utf8.lastIndex(of: UInt8(ascii: "/")) ?? relative.startIndex)]
                if !created.contains(directory) {
                    try fileManager.createDirectory(atPath: stagingPath + "/" + directory, withIntermediateDirectories: true)
                    created.insert(directory)
                }
                try PlainFile.create(stagingPath + "/" + relative, parts: file.parts)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        let hadPrevious = fileManager.fileExists(atPath: target.path)
        do {
            if hadPrevious { try fileManager.moveItem(at: target, to: retired) }
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            if hadPrevious, !fileManager.fileExists(atPath: target.path) {
                try? fileManager.moveItem(at: retired, to: target)
            }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        try? fileManager.removeItem(at: retired)
    }

    /// How `root/<environment>` differs from the rendered files: one unified diff per changed, missing
    /// or extra file, sorted by path. Empty when the directory is current.
    public func differences(from environment: RenderedEnvironment) -> [FileDifference] {
        let onDisk = existingFiles(of: environment.name)
        var result: [FileDifference] = []
        var rendered: Set<String> = []
        for file in environment.files {
            rendered.insert(file.path)
            let url = root.appendingPathComponent(file.path)
            let label = root.lastPathComponent + "/" + file.path
            let contents = file.contents
            guard onDisk.contains(file.path), let data = try? Data(contentsOf: url) else {
                result.append(FileDifference(path: file.path, kind: .missing, diff: UnifiedDiff.diff(
                    old: "", new: contents, oldName: "/dev/null", newName: label)))
                continue
            }
            let current = String(decoding: data, as: UTF8.self)
            if current != contents || data != Data(contents.utf8) {
                result.append(FileDifference(path: file.path, kind: .changed, diff: UnifiedDiff.diff(
                    old: current, new: contents, oldName: label, newName: label + " (rendered)")))
            }
        }
        for path in onDisk.sorted() where !rendered.contains(path) {
            let current = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
            result.append(FileDifference(path: path, kind: .extra, diff: UnifiedDiff.diff(
                old: current, new: "", oldName: root.lastPathComponent + "/" + path, newName: "/dev/null")))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Every regular file under `root/<name>`, as paths relative to `root`.
    func existingFiles(of name: String) -> Set<String> {
        let base = root.appendingPathComponent(name)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var paths: Set<String> = []
        let prefix = base.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            if full.hasPrefix(prefix) { paths.insert(name + "/" + full.dropFirst(prefix.count)) }
        }
        return paths
    }

    /// The file's path below its environment's directory; throws if it would leave it.
    private func relativePath(of file: RenderedFile, in environment: String) throws -> Substring {
        let prefix = environment + "/"
        guard file.path.hasPrefix(prefix), !Self.hasParentSegment(file.path) else {
            throw OutputError(message: "rendered file '\(file.path)' lies outside the directory of environment '\(environment)'")
        }
        return file.path.dropFirst(prefix.count)
    }

    /// Whether a `/`-separated path has a `..` segment (checked for every file, so by bytes).
    static func hasParentSegment(_ path: String) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 2 && dots == 2 { return true }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength == 2 && dots == 2
    }

    private func removeLeftovers(of name: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(entry))
        }
    }
}

/// How one file on disk differs from the rendered one.
public struct FileDifference: Hashable, Sendable {
    /// What kind of difference.
    public enum Kind: String, Sendable {
        case changed, missing, extra
    }

    /// The path relative to the output root.
    public let path: String
    public let kind: Kind
    /// A unified diff from what is on disk to what was rendered.
    public let diff: String
}

/// A write that could not be done safely.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
