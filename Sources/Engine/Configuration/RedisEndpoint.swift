import Foundation

/// One Redis server the engine answers to: a standalone server or one node of a cluster.
struct RedisEndpoint: Sendable, Equatable {
    var host: String
    var port: Int
    /// The logical database to SELECT (standalone only; clusters have database 0 only).
    var database: Int
    /// The ACL user to AUTH as (Redis 6+), with ``password``; `nil` for the default user.
    var username: String?
    var password: String?
    var tls: Bool
    /// The authorities the server's certificate is checked against; nil: the system's.
    var trustedCertificates: TrustedCertificates? = nil

    /// Parses `redis://[:password@]host[:port][/db]`, or `rediss://` for TLS.
    static func parse(url text: String) -> RedisEndpoint? {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["redis", "rediss"].contains(scheme),
              let host = url.host, !host.isEmpty
        else { return nil }
        let path = url.path.drop(while: { $0 == "/" })
        let database: Int
        if path.isEmpty {
            database = 0
        } else if let number = Int(path), (0...15).contains(number) {
            database = number
        } else {
            return nil
        }
        // `redis://:secret@host` and `redis://secret@host` both mean a password for the default user;
        // `redis://user:secret@host` an ACL user.
        let user = url.user.flatMap { $0.isEmpty ? nil : $0 }
        let secret = url.password
        return RedisEndpoint(
            host: host, port: url.port ?? 6379, database: database,
            username: secret == nil ? nil : user, password: secret ?? user, tls: scheme == "rediss")
    }

    /// `host:port` for messages and metrics.
    var address: String { "\(host):\(port)" }
}
