import EngineConfig
import Foundation

/// Where and as whom the engine connects to PostgreSQL.
struct DatabaseEndpoint: Sendable, Equatable {
    var host: String
    var port: Int
    var database: String
    var user: String
    var password: String?
    var sslMode: SSLMode
    /// The authorities `verify-ca` and `verify-full` check the server against; nil: the system's.
    var trustedCertificates: TrustedCertificates? = nil

    /// Parses `postgres://user:password@host:port/database?sslmode=mode` (also `postgresql://`).
    /// User and password are percent-decoded; the port defaults to 5432; `sslmode` to `fallbackSSL`.
    static func parse(url text: String, fallbackSSL: SSLMode) -> DatabaseEndpoint? {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""),
              let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty
        else { return nil }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { return nil }
        var ssl = fallbackSSL
        if let mode = url.queryItems?.first(where: { $0.name == "sslmode" })?.value {
            guard let parsed = SSLMode(rawValue: mode) else { return nil }
            ssl = parsed
        }
        return DatabaseEndpoint(
            host: host, port: url.port ?? 5432, database: database, user: url.user ?? user,
            password: url.password, sslMode: ssl)
    }
}
