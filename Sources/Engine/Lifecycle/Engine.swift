import EngineConfig
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The running engine: its HTTP and metrics servers, the PostgreSQL pool, the dependency monitor,
/// the mock market-data feed when enabled, and the drain step, as one service group.
struct Engine {
    let state: EngineState
    let services: [any Service]

    /// Everything the engine runs for `settings`. `onListening` hears each server's name and bound
    /// port once it accepts connections.
    init(
        settings: RuntimeSettings, fileFingerprint: String, performance: PerformanceReport = PerformanceReport(), options: EngineOptions, logger: Logger,
        onListening: @escaping @Sendable (_ server: String, _ port: Int) async -> Void = { _, _ in }
    ) {
        let metrics = EngineMetrics()
        let config = settings.config
        let board = ReadinessBoard(required: ["postgres", "redis"], refused: performance.refused)
        state = EngineState(settings: settings, fileFingerprint: fileFingerprint, board: board, metrics: metrics)
        metrics.recordInfo(config: config, fileFingerprint: fileFingerprint, poolSize: config.database.poolSize)
        metrics.recordPerformance(performance)

        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let connectionFailures = ConnectionFailureRecorder()
        let database = DatabasePool.makeClient(
            settings.database, poolSize: config.database.poolSize, connectTimeout: options.checkTimeout,
            logger: connectionFailures.logger(wrapping: quiet))
        let redisProbes = settings.redis.map { RedisProbe(endpoint: $0, timeout: options.checkTimeout) }
        let redisCheck = DependencyCheck(name: "redis") {
            // Every node must answer; the error names the ones that did not.
            var failures: [String] = []
            for probe in redisProbes {
                do { try await probe.check() } catch { failures.append("\(probe.endpoint.address): \(connectionErrorText(error))") }
            }
            if !failures.isEmpty { throw DependencyFailure(description: failures.joined(separator: "; ")) }
        }
        let monitor = DependencyMonitor(
            checks: [DatabasePool.check(database, timeout: options.checkTimeout, connectionFailures: connectionFailures, logger: quiet), redisCheck],
            board: board, metrics: metrics, interval: options.checkInterval, logger: logger)

        var services: [any Service] = [database, monitor]
        if config.features.mockMarketData {
            services.append(MockMarketDataFeed(metrics: metrics, interval: options.tickInterval, seed: 0x5EED))
        }
        if config.metrics.enabled {
            services.append(Self.server(
                "metrics", EngineRoutes.metricsRouter(metrics), host: options.bindHost,
                port: options.metricsPort ?? config.metrics.port.number, logger: quiet, onListening: onListening))
        }
        services.append(Self.server("http", EngineRoutes.router(state), host: options.bindHost, port: options.httpPort, logger: quiet, onListening: onListening))
        services.append(DrainService(board: board, delay: options.drainDelay, logger: logger))
        self.services = services
    }

    private static func server(
        _ name: String, _ router: Router<BasicRequestContext>, host: String, port: Int, logger: Logger,
        onListening: @escaping @Sendable (String, Int) async -> Void
    ) -> some Service {
        Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(name, channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then shuts down in reverse order: drain, HTTP server (in-flight
    /// requests finish), metrics server, feed, monitor, pool.
    func run(logger: Logger) async throws {
        try await Self.serviceGroup(services, signals: [.sigterm, .sigint], logger: logger).run()
    }

    /// The group that runs `services` and shuts them down gracefully, last first, on `signals`.
    static func serviceGroup(_ services: [any Service], signals: [UnixSignal], logger: Logger) -> ServiceGroup {
        var logger = logger
        logger.logLevel = max(logger.logLevel, .info)  // the group's per-service debug lines describe whole values
        return ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: signals, logger: logger))
    }
}

/// A dependency check that failed for reasons collected elsewhere.
struct DependencyFailure: Error, CustomStringConvertible {
    let description: String
}
