import Foundation
import InfraValues

/// `GET /health/live`.
struct LivenessBody: Encodable, Sendable {
    var status = "alive"
    var environment: String
}

/// `GET /health/ready`: whether the engine takes traffic, and why not.
struct ReadinessBody: Encodable, Sendable {
    /// One dependency's latest check.
    struct Dependency: Encodable, Sendable {
        var up: Bool
        var latencyMilliseconds: Double?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case up
            case latencyMilliseconds = "latency_ms"
            case error
        }
    }

    /// `ready`, `unready` or `draining`.
    var status: String
    /// The dependencies that do not answer, in check order.
    var failing: [String]
    var dependencies: [String: Dependency]
    /// Settings this tier requires that the engine could not honour (see `PerformanceReport`); any
    /// one keeps the engine unready.
    var refused: [String]
}

/// `GET /debug/config` (and `engine --print-config`): the effective settings, secrets redacted.
struct DebugConfigBody: Encodable, Sendable {
    struct Database: Encodable, Sendable {
        var host: String
        var port: Int
        var database: String
        var user: String
        var password: String
        var sslMode: String
        var sslRootCert: String

        enum CodingKeys: String, CodingKey {
            case host, port, database, user, password
            case sslMode = "ssl_mode"
            case sslRootCert = "ssl_root_cert"
        }
    }

    struct Redis: Encodable, Sendable {
        var host: String
        var port: Int
        var db: Int
        var tls: Bool
        var tlsCAFile: String
        var password: String

        enum CodingKeys: String, CodingKey {
            case host, port, db, tls, password
            case tlsCAFile = "tls_ca_file"
        }
    }

    var configSHA256: String
    var config: Value
    var database: Database
    var redis: [Redis]
    var cpuAffinity: String
    var overrides: [String: String]
    var ignored: [String]

    enum CodingKeys: String, CodingKey {
        case configSHA256 = "config_sha256"
        case config, database, redis, overrides, ignored
        case cpuAffinity = "cpu_affinity"
    }
}

/// How every JSON body is written: keys sorted, so the same state gives the same bytes.
enum ResponseJSON {
    static func text(_ body: some Encodable, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        // The bodies hold strings, numbers and booleans only: encoding cannot fail.
        return (try? String(decoding: encoder.encode(body), as: UTF8.self)) ?? "{}"
    }
}
