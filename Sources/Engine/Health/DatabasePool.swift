import Environments
import Logging
import NIOSSL
import PostgresNIO

/// The engine's PostgreSQL connection pool, sized by `database.pool_size`, and the readiness check
/// that runs `SELECT 1` through it.
enum DatabasePool {
    /// A client (run it as a service) for `endpoint`, with at most `poolSize` connections.
    static func makeClient(_ endpoint: DatabaseEndpoint, poolSize: Int, connectTimeout: Duration, logger: Logger) -> PostgresClient {
        var configuration = PostgresClient.Configuration(
            host: endpoint.host, port: endpoint.port, username: endpoint.user, password: endpoint.password,
            database: endpoint.database, tls: tls(for: endpoint.sslMode))
        configuration.options.maximumConnections = poolSize
        configuration.options.minimumConnections = 0
        configuration.options.connectTimeout = connectTimeout
        return PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// libpq's `sslmode` in postgres-nio's terms: `disable` plaintext; `allow`/`prefer` TLS when the
    /// server offers it; `require` TLS without verifying the certificate; `verify-ca` verifies the
    /// chain; `verify-full` also the host name.
    static func tls(for mode: SSLMode) -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return .disable
        case .allow, .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(tls)
        }
    }

    /// The readiness check: a round trip through the pool.
    static func check(_ client: PostgresClient, timeout: Duration, logger: Logger) -> DependencyCheck {
        DependencyCheck(name: "postgres") {
            try await withDeadline(timeout, failure: DependencyTimeout(after: timeout)) {
                do {
                    _ = try await client.query("SELECT 1", logger: logger).collect()
                } catch let error as PSQLError {
                    throw DatabaseFailure(error)
                }
            }
        }
    }
}

/// A dependency that did not answer in time.
struct DependencyTimeout: Error, CustomStringConvertible {
    let after: Duration
    var description: String { "no answer within \(after)" }
}

/// A PostgreSQL failure described without the query or credentials: the code, the server's
/// message, or the underlying socket error.
struct DatabaseFailure: Error, CustomStringConvertible {
    let description: String

    init(_ error: PSQLError) {
        if let message = error.serverInfo?[.message] {
            description = "\(error.code): \(message)"
        } else if let underlying = error.underlying {
            description = "\(error.code): \(underlying)"
        } else {
            description = "\(error.code)"
        }
    }
}
