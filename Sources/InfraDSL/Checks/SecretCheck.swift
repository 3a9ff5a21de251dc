/// `secret`: outside development, no credential appears in the output: no Secret with literal
/// values, no environment variable or ConfigMap entry that looks like a credential, no URL with a
/// password in it.
public enum SecretCheck: EnvironmentCheck {
    public static let id = "secret"

    /// Names that hold credentials.
    static let credentialWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"]

    private static let credentialPatterns: [[UInt8]] = credentialWords.map { Array($0.utf8) }

    static func looksLikeCredential(name: String) -> Bool {
        // ASCII upper-casing (with `-` read as `_`) during a byte search, without a copy: this runs
        // for every variable and entry.
        func normalized(_ byte: UInt8) -> UInt8 {
            if byte == UInt8(ascii: "-") { return UInt8(ascii: "_") }
            return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
        }
        return name.withUTF8Bytes { bytes in
            credentialPatterns.contains { pattern in
                guard bytes.count >= pattern.count else { return false }
                return (0...(bytes.count - pattern.count)).contains { start in
                    pattern.indices.allSatisfy { normalized(bytes[start + $0]) == pattern[$0] }
                }
            }
        }
    }

    /// `scheme://user:password@host`.
    static func containsURLPassword(_ value: String) -> Bool {
        // Bytes, not `firstRange(of:)` (a generic substring search): this runs for every value.
        return value.withUTF8Bytes { bytes in
            guard bytes.count >= 3, let scheme = (0...(bytes.count - 3)).first(where: {
                bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/")
            }) else { return false }
            let rest = bytes[(scheme + 3)...]
            guard let at = rest.firstIndex(of: UInt8(ascii: "@")) else { return false }
            return rest[..<at].contains(UInt8(ascii: ":"))
        }
    }

    public static func run(_ context: inout CheckContext) {
        guard context.kind != .development else { return }
        for secret in context.all(Secret.self) where !secret.stringData.isEmpty {
            context.error("Secret \(secret.metadata.name) holds literal values; outside development, create it from the secret store and declare it external", at: secret, field: "stringData")
        }
        for workload in context.workloads {
            for container in workload.template.allContainers {
                for variable in container.env {
                    guard case .literal(let value) = variable.source, !value.isEmpty else { continue }
                    // `PASSWORD_FILE=/var/run/secrets/...` names where a mounted credential is,
                    // the way to keep it out of the environment: not a credential itself.
                    let namesAFile = variable.name.uppercased().hasSuffix("_FILE") && value.hasPrefix("/")
                    if (looksLikeCredential(name: variable.name) && !namesAFile) || containsURLPassword(value) {
                        context.error("environment variable \(variable.name) holds a literal credential; use a secretKeyRef", at: workload, field: "spec/template/spec/containers/\(container.name)/env/\(variable.name)", location: variable.location)
                    }
                }
            }
        }
        for configMap in context.all(ConfigMap.self) {
            for (key, value) in configMap.data where looksLikeCredential(name: key) || containsURLPassword(value) {
                context.error("entry \(key) holds a credential; ConfigMaps are not secret", at: configMap, field: "data/\(key)")
            }
        }
    }
}
