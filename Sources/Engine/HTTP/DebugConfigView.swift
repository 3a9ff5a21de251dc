import EngineConfig
import InfraValues

/// The body of `GET /debug/config`: the effective config, the connections the engine uses and the
/// environment variables that changed anything, with every secret replaced by ``redacted``.
enum DebugConfigView {
    static let redacted = "[redacted]"

    /// Variables whose whole value is secret.
    static let secretVariables: Set<String> = ["DATABASE_PASSWORD", "REDIS_PASSWORD"]
    /// Variables that are URLs whose password part is secret.
    static let urlVariables: Set<String> = ["DATABASE_URL", "REDIS_URL"]

    static func render(_ settings: RuntimeSettings, fingerprint: String) -> String {
        let database = settings.database
        let body = DebugConfigBody(
            configSHA256: fingerprint,
            config: redactingSecretKeys((try? ValueEncoder().encode(settings.config)) ?? .emptyObject),
            database: .init(
                host: database.host, port: database.port, database: database.database, user: database.user,
                password: database.password == nil ? "(none)" : redacted, sslMode: database.sslMode.rawValue,
                sslRootCert: database.trustedCertificates?.path ?? "(system)"),
            redis: settings.redis.map { endpoint in
                .init(
                    host: endpoint.host, port: endpoint.port, db: endpoint.database, tls: endpoint.tls,
                    tlsCAFile: endpoint.trustedCertificates?.path ?? "(system)",
                    password: endpoint.password == nil ? "(none)" : redacted)
            },
            cpuAffinity: settings.cpuAffinity?.description ?? "(not pinned)",
            overrides: Dictionary(settings.overrides.map { ($0.name, redact(variable: $0.name, $0.value)) }, uniquingKeysWith: { $1 }),
            ignored: settings.ignored)
        return ResponseJSON.text(body, pretty: true) + "\n"
    }

    /// A variable's value as it may be shown.
    static func redact(variable name: String, _ value: String) -> String {
        if secretVariables.contains(name) { return redacted }
        if urlVariables.contains(name) { return redactURLPassword(value, userAloneIsSecret: name == "REDIS_URL") }
        return value
    }

    /// `scheme://user:secret@host…` → `scheme://user:[redacted]@host…`. A user part without a
    /// colon is a user for PostgreSQL and a password for Redis (`redis://secret@host`).
    static func redactURLPassword(_ url: String, userAloneIsSecret: Bool) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].lastIndex(of: "@") else { return url }
        let userInfo = url[schemeEnd.upperBound..<at]
        let head = url[..<schemeEnd.upperBound]
        if let colon = userInfo.firstIndex(of: ":") {
            return head + userInfo[..<colon] + ":" + redacted + url[at...]
        }
        return userAloneIsSecret ? head + redacted + url[at...] : url
    }

    /// Any field whose name says it holds a secret, at any depth.
    static func redactingSecretKeys(_ value: Value) -> Value {
        switch value {
        case .object(let fields):
            return .object(Fields(fields.entries.map { entry in
                let name = entry.key.lowercased()
                let secret = ["password", "secret", "token", "auth", "credential"].contains { name.contains($0) }
                return (entry.key, secret ? .string(redacted) : redactingSecretKeys(entry.value))
            }))
        case .array(let items):
            return .array(items.map(redactingSecretKeys))
        default:
            return value
        }
    }
}
