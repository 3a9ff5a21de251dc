import Logging
import ServiceLifecycle

/// The first service to hear of a graceful shutdown (it is last in the group, and shutdown runs in
/// reverse): readiness fails at once, then it waits `delay` so load balancers and probes see the
/// 503 while the server still answers; only then does the HTTP server stop accepting and finish
/// the requests in flight.
struct DrainService: Service {
    let board: ReadinessBoard
    let delay: Duration
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        board.startDraining()
        logger.info("shutting down: readiness now fails", metadata: ["drain_seconds": "\(delay.components.seconds)"])
        try? await Task.sleep(for: delay)
    }
}
