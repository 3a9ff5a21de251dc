import EngineConfig
import Foundation
import InfraValues

/// Reads `config.yaml` into the same ``AppConfig`` type `gen` renders it from.
enum ConfigFile {
    /// The config at `path`, decoded strictly (unknown fields, wrong types and values out of range
    /// are errors), or a ``ConfigurationError`` of the form `path:line: field: message`.
    static func load(path: String) throws(ConfigurationError) -> AppConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ConfigurationError("\(path): the config file \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("\(path): the config file is not UTF-8 text")
        }
        do {
            return try AppConfig.decode(yaml: text)
        } catch {
            throw ConfigurationError(describe(error, in: path))
        }
    }

    /// `path:line: field: message`, leaving out what the failure does not know.
    static func describe(_ failure: StrictYAMLDecoder.Failure, in path: String) -> String {
        let place = failure.line.map { "\(path):\($0)" } ?? path
        return failure.field.isEmpty ? "\(place): \(failure.message)" : "\(place): \(failure.field): \(failure.message)"
    }
}
