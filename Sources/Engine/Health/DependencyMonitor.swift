import Logging
import Metrics
import ServiceLifecycle

/// Checks every dependency each `interval`, concurrently, and records the answers on the
/// ``ReadinessBoard`` and as `engine_dependency_up` gauges. Logs each change of state once, so an
/// outage is one line going down and one coming back.
struct DependencyMonitor: Service {
    let checks: [DependencyCheck]
    let board: ReadinessBoard
    let metrics: EngineMetrics
    let interval: Duration
    let logger: Logger

    func run() async throws {
        var previous: [String: Bool] = [:]
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let results = await checkAll()
            for (name, status) in results {
                board.record(name, status)
                metrics.recordDependency(name, up: status.up, milliseconds: status.milliseconds)
                if previous[name] != status.up {
                    if status.up {
                        logger.info("dependency is up", metadata: ["dependency": "\(name)"])
                    } else {
                        logger.warning("dependency is down", metadata: ["dependency": "\(name)", "error": "\(status.error ?? "")"])
                    }
                    previous[name] = status.up
                }
            }
            metrics.recordReady(board.isReady)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One round of checks.
    func checkAll() async -> [(String, ReadinessBoard.Status)] {
        await withTaskGroup(of: (String, ReadinessBoard.Status).self) { group in
            for dependency in checks {
                group.addTask {
                    let clock = ContinuousClock()
                    let start = clock.now
                    do {
                        try await dependency.check()
                        return (dependency.name, .init(up: true, error: nil, milliseconds: Self.milliseconds(clock.now - start)))
                    } catch {
                        return (dependency.name, .init(up: false, error: "\(error)", milliseconds: Self.milliseconds(clock.now - start)))
                    }
                }
            }
            var results: [(String, ReadinessBoard.Status)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
