import Foundation
import NIOSSL

/// Certificate authorities to trust instead of the system's, read from a PEM file a variable names:
/// `DATABASE_SSL_ROOT_CERT` (libpq's `sslrootcert`; a managed database's CA bundle is not in the
/// system store) and `REDIS_TLS_CA_FILE`.
struct TrustedCertificates: Sendable, Equatable {
    /// The file they were read from, for the debug view and messages.
    let path: String
    let certificates: [NIOSSLCertificate]

    /// The certificates in `path`, or a configuration error naming `variable` and the file.
    static func load(_ path: String, variable: String) throws(ConfigurationError) -> TrustedCertificates {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError("\(variable): \(path) does not exist")
        }
        guard let certificates = try? NIOSSLCertificate.fromPEMFile(path), !certificates.isEmpty else {
            throw ConfigurationError("\(variable): \(path) holds no PEM certificate")
        }
        return TrustedCertificates(path: path, certificates: certificates)
    }

    /// A client configuration that verifies against these authorities (or the system's when nil).
    static func clientConfiguration(trusting trusted: TrustedCertificates?) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let trusted { configuration.trustRoots = .certificates(trusted.certificates) }
        return configuration
    }
}
