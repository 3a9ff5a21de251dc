import Logging
import Synchronization

/// Remembers why the PostgreSQL pool's last connection attempt failed, so a readiness check that
/// times out waiting for a connection can say why (a refused certificate, a wrong password) instead
/// of only "no answer". The pool reports attempts only through its background logger: this handler
/// reads those records and passes everything at the wrapped logger's level on to it.
final class ConnectionFailureRecorder: Sendable {
    private let lastFailure = Mutex<String?>(nil)

    /// The failure of the latest attempt, or nil once an attempt has succeeded.
    var failure: String? { lastFailure.withLock { $0 } }

    /// A logger for the pool: its records reach `logger` at `logger`'s level, and connection
    /// attempts are recorded whatever that level is.
    func logger(wrapping logger: Logger) -> Logger {
        Logger(label: logger.label) { _ in Handler(wrapped: logger, recorder: self) }
    }

    fileprivate func record(_ message: String, error: String?) {
        switch message {
        case "Connection creation failed": lastFailure.withLock { $0 = error ?? "unknown error" }
        case "Connection established": lastFailure.withLock { $0 = nil }
        default: break
        }
    }

    private struct Handler: LogHandler {
        let wrapped: Logger
        let recorder: ConnectionFailureRecorder
        var metadata: Logger.Metadata = [:]
        // Low enough for the pool's connection records; forwarding keeps the wrapped level.
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.record(event.message.description, error: event.metadata?["psql_error"].map { "\($0)" } ?? event.metadata?["error"].map { "\($0)" })
            guard event.level >= wrapped.logLevel else { return }
            var merged = metadata
            event.metadata?.forEach { merged[$0.key] = $0.value }
            wrapped.log(level: event.level, event.message, metadata: merged, source: event.source, file: event.file, function: event.function, line: event.line)
        }
    }
}
