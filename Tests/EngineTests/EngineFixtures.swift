import Environments
import Foundation
import Logging
@testable import Engine

/// Configs and settings for engine tests, built from the environments `gen` renders.
enum EngineFixtures {
    /// An environment's config as `gen` writes it into `config/config.yaml`.
    static func configYAML(_ name: String = "development") throws -> String {
        try require(Catalog.configs[name], name).yaml()
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func write(_ text: String, name: String = "config.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A fresh temporary directory.
    static func directory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    /// Development's settings with the credentials the manifests would inject.
    static func settings(_ name: String = "development", environment: [String: String] = [:]) throws -> RuntimeSettings {
        var variables = ["DATABASE_USER": "trader", "DATABASE_PASSWORD": "s3cret-value"]
        variables.merge(environment) { _, new in new }
        return try RuntimeSettings.resolve(config: try require(Catalog.configs[name], name), environment: variables)
    }

    /// A logger writing into memory.
    static func logger(_ sink: LogSink = .memory()) -> Logger {
        Logger(label: "test") { EngineLogHandler(label: $0, format: .json, sink: sink, logLevel: .debug) }
    }
}

/// `#require` outside a test function's direct body.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw FixtureMissing(what: what) }
    return value
}

struct FixtureMissing: Error { let what: String }
