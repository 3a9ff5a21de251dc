import Foundation

/// Paths and processes the test targets share.
public enum TestSupport {
    /// The package root, found from this file's location (`Tests/Support/TestSupport.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Python interpreter with the pinned validators: `INFRADSL_PYTHON`, else the project's
    /// `.venv`, else `python3` on PATH.
    public static var python: String {
        if let configured = ProcessInfo.processInfo.environment["INFRADSL_PYTHON"], !configured.isEmpty {
            return configured
        }
        let venv = packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/env python3"
    }

    /// The result of a finished process.
    public struct ProcessResult: Sendable {
        public let status: Int32
        public let output: String
        public let error: String
    }

    /// Runs a shell command line (through `/bin/sh -c`) with `input` on standard input.
    public static func shell(_ command: String, input: String = "", in directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let directory { process.currentDirectoryURL = directory }
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let stdin = try FileHandle(forReadingFrom: inURL)
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        defer { try? stdin.close(); try? stdout.close(); try? stderr.close() }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            output: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            error: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A new empty directory under the system's temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("infradsl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `root` with its bytes, keyed by relative path.
    public static func tree(at root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            let path = url.standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[String(path.dropFirst(base.count))] = FileManager.default.contents(atPath: path)
        }
        return result
    }
}

extension TestSupport {
    /// Parses HCL files with python-hcl2 (through `scripts/hcl_parse.py`), strings decoded.
    public static func parseHCL(_ paths: [String]) throws -> [String: Any] {
        let script = packageRoot.appendingPathComponent("scripts/hcl_parse.py").path
        let result = try shell("\(python) '\(script)' " + paths.map { "'\($0)'" }.joined(separator: " "))
        guard result.status == 0 else {
            throw NSError(domain: "hcl_parse", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: result.error])
        }
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    }
}

extension TestSupport {
    /// Whether two JSON-like values are equal (numbers compared by value, whatever their bridged type).
    public static func sameJSON(_ lhs: Any, _ rhs: Any) throws -> Bool {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        return try JSONSerialization.data(withJSONObject: ["v": lhs], options: options)
            == JSONSerialization.data(withJSONObject: ["v": rhs], options: options)
    }
}

extension TestSupport {
    /// An executable product of this build (the test command builds every product first).
    public static func builtExecutable(_ name: String) throws -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        throw NSError(domain: "TestSupport", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(name) is not built: run `swift build` before `swift test`"])
    }
}
