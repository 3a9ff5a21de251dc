import Environments
import InfraDSL

/// The body of `GET /debug/config`: the effective config, the connections the engine uses and the
/// environment variables that changed anything, with every secret replaced by ``redacted``.
enum DebugConfigView {
    static let redacted = "[redacted]"

    /// Variables whose whole value is secret.
    static let secretVariables: Set<String> = ["DATABASE_PASSWORD"]
    /// Variables that are URLs whose password part is secret.
    static let urlVariables: Set<String> = ["DATABASE_URL", "REDIS_URL"]

    static func render(_ settings: RuntimeSettings, fingerprint: String) -> String {
        var document = Fields()
        document.set("config_sha256", .string(fingerprint))
        document.set("config", redactingSecretKeys((try? ValueEncoder().encode(settings.config)) ?? .emptyObject))
        let database = settings.database
        document.set("database", .object(Fields([
            ("host", .string(database.host)), ("port", .int(database.port)), ("database", .string(database.database)),
            ("user", .string(database.user)), ("password", .string(database.password == nil ? "(none)" : redacted)),
            ("ssl_mode", .string(database.sslMode.rawValue)),
            ("ssl_root_cert", .string(database.trustedCertificates?.path ?? "(system)")),
        ])))
        document.set("redis", .array(settings.redis.map { endpoint in
            .object(Fields([
                ("host", .string(endpoint.host)), ("port", .int(endpoint.port)), ("db", .int(endpoint.database)),
                ("tls", .bool(endpoint.tls)), ("tls_ca_file", .string(endpoint.trustedCertificates?.path ?? "(system)")), ("password", .string(endpoint.password == nil ? "(none)" : redacted)),
            ]))
        }))
        document.set("cpu_affinity", settings.cpuAffinity.map { .string($0.description) } ?? .string("(not pinned)"))
        document.set("overrides", .object(Fields(settings.overrides.map { ($0.name, .string(redact(variable: $0.name, $0.value))) })))
        document.set("ignored", .array(settings.ignored.map { .string($0) }))
        return JSONRenderer.render(.object(document))
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
