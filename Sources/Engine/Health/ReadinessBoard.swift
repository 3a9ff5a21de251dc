import Synchronization

/// The latest answer of each dependency, and whether the engine is shutting down. Written by the
/// ``DependencyMonitor`` and the ``DrainService``, read by `/health/ready`.
final class ReadinessBoard: Sendable {
    /// One dependency's latest check.
    struct Status: Sendable, Equatable {
        var up: Bool
        /// Why the check failed; `nil` when up.
        var error: String?
        /// How long the check took, in milliseconds.
        var milliseconds: Double
    }

    private struct State {
        var dependencies: [String: Status] = [:]
        var draining = false
    }

    /// The dependencies that must answer, in report order.
    let required: [String]
    /// Settings the tier requires that the engine could not honour at start-up: any keeps it unready.
    let refused: [String]
    private let state = Mutex(State())

    init(required: [String], refused: [String] = []) {
        self.required = required
        self.refused = refused
    }

    func record(_ name: String, _ status: Status) { state.withLock { $0.dependencies[name] = status } }

    /// Marks the engine as leaving: readiness fails from now on, whatever the dependencies say.
    func startDraining() { state.withLock { $0.draining = true } }

    /// Whether the engine should receive traffic: every required dependency up, not draining.
    var isReady: Bool { isReady(state.withLock { $0 }) }

    private func isReady(_ state: State) -> Bool {
        refused.isEmpty && !state.draining && required.allSatisfy { state.dependencies[$0]?.up == true }
    }

    /// Whether the engine should receive traffic, and the body `/health/ready` answers with.
    func report() -> (ready: Bool, body: ReadinessBody) {
        let snapshot = state.withLock { $0 }
        var failing: [String] = []
        var dependencies: [String: ReadinessBody.Dependency] = [:]
        for name in required {
            guard let status = snapshot.dependencies[name] else {
                failing.append(name)
                dependencies[name] = .init(up: false, error: "not checked yet")
                continue
            }
            if !status.up { failing.append(name) }
            let latency = (status.milliseconds * 1000).rounded() / 1000
            dependencies[name] = .init(up: status.up, latencyMilliseconds: latency, error: status.error)
        }
        let ready = isReady(snapshot)
        let status = snapshot.draining ? "draining" : ready ? "ready" : "unready"
        return (ready, ReadinessBody(status: status, failing: failing, dependencies: dependencies, refused: refused))
    }
}
