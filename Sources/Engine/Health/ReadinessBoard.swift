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
    private let state = Mutex(State())

    init(required: [String]) { self.required = required }

    func record(_ name: String, _ status: Status) { state.withLock { $0.dependencies[name] = status } }

    /// Marks the engine as leaving: readiness fails from now on, whatever the dependencies say.
    func startDraining() { state.withLock { $0.draining = true } }

    /// Whether the engine should receive traffic: every required dependency up, not draining.
    var isReady: Bool { Self.isReady(state.withLock { $0 }, required: required) }

    private static func isReady(_ state: State, required: [String]) -> Bool {
        !state.draining && required.allSatisfy { state.dependencies[$0]?.up == true }
    }

    /// Whether the engine should receive traffic, and the body `/health/ready` answers with.
    func report() -> (ready: Bool, json: String) {
        let snapshot = state.withLock { $0 }
        var failing: [String] = []
        var entries: [String] = []
        for name in required {
            guard let status = snapshot.dependencies[name] else {
                failing.append(name)
                entries.append("\(JSONText.quoted(name)):{\"up\":false,\"error\":\"not checked yet\"}")
                continue
            }
            if !status.up { failing.append(name) }
            let latency = (status.milliseconds * 1000).rounded() / 1000
            var entry = "\(JSONText.quoted(name)):{\"up\":\(status.up),\"latency_ms\":\(latency)"
            if let error = status.error { entry += ",\"error\":\(JSONText.quoted(error))" }
            entries.append(entry + "}")
        }
        let ready = Self.isReady(snapshot, required: required)
        let status = snapshot.draining ? "draining" : ready ? "ready" : "unready"
        let failingList = failing.map(JSONText.quoted).joined(separator: ",")
        return (ready, "{\"status\":\"\(status)\",\"failing\":[\(failingList)],\"dependencies\":{\(entries.joined(separator: ","))}}")
    }
}
