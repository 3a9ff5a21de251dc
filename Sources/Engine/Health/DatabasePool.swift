import EngineConfig
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
            database: endpoint.database, tls: tls(for: endpoint.sslMode, trusting: endpoint.trustedCertificates))
        configuration.options.maximumConnections = poolSize
        configuration.options.minimumConnections = 0
        configuration.options.connectTimeout = connectTimeout
        return PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// libpq's `sslmode` in postgres-nio's terms: `disable` plaintext; `allow`/`prefer` TLS when the
    /// server offers it; `require` TLS without verifying the certificate; `verify-ca` verifies the
    /// chain; `verify-full` also the host name.
    static func tls(for mode: SSLMode, trusting trusted: TrustedCertificates? = nil) -> PostgresClient.Configuration.TLS {
        var tls = TrustedCertificates.clientConfiguration(trusting: trusted)
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

    /// The readiness check: a round trip through the pool. When it times out while the pool
    /// cannot connect, the failure says why the last connection attempt failed.
    static func check(_ client: PostgresClient, timeout: Duration, connectionFailures: ConnectionFailureRecorder, logger: Logger) -> DependencyCheck {
        DependencyCheck(name: "postgres") {
            do {
                try await withDeadline(timeout, failure: DependencyTimeout(after: timeout)) {
                    do {
                        _ = try await client.query("SELECT 1", logger: logger).collect()
                    } catch let error as PSQLError {
                        throw DatabaseFailure(error)
                    }
                }
            } catch let timeout as DependencyTimeout {
                guard let reason = connectionFailures.failure else { throw timeout }
                throw DependencyFailure(description: "\(timeout); the last connection attempt failed: \(reason)")
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
