import Foundation

/// Credentials read from files: `DATABASE_PASSWORD_FILE=/var/run/secrets/database/password` stands
/// for `DATABASE_PASSWORD` with the file's contents (one trailing newline dropped). The manifests
/// mount the Secret as files, so no credential is in the process environment, where every child
/// process and crash dump would see it; the plain variables keep working for development and tests.
enum SecretFiles {
    /// The variables that may come from a file.
    static let variables = ["DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "REDIS_URL", "REDIS_PASSWORD"]

    /// `environment` with each `NAME_FILE` replaced by `NAME` and the file's contents, or the first
    /// problem: a file that cannot be read, or both forms of one variable.
    static func expand(_ environment: [String: String]) throws(ConfigurationError) -> [String: String] {
        var expanded = environment
        for name in variables {
            guard let path = environment["\(name)_FILE"] else { continue }
            if environment[name] != nil {
                throw ConfigurationError("\(name) and \(name)_FILE are both set: set one")
            }
            guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError("\(name)_FILE: \(path) cannot be read")
            }
            if text.hasSuffix("\n") { text.removeLast() }
            if text.hasSuffix("\r") { text.removeLast() }
            expanded[name] = text
            expanded["\(name)_FILE"] = nil
        }
        return expanded
    }
}
