import Synchronization

/// Runs `body`, throwing `failure` when it takes longer than `limit`. The body is cancelled then,
/// but not waited for: a client that ignores cancellation (a query to a database that stopped
/// answering, mid-response) must not hold the caller past its deadline. Whatever it still holds
/// (a pooled connection) is released when it finally returns.
func withDeadline<Result: Sendable>(
    _ limit: Duration, failure: any Error & Sendable, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    let answer = FirstAnswer<Result>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            answer.wait(with: continuation)
            let work = Task {
                do { answer.give(.success(try await body())) } catch { answer.give(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled { answer.give(.failure(failure)) }
            }
            // The first answer (the body's, the deadline's or the caller's cancellation) stops the rest.
            answer.whenGiven {
                timer.cancel()
                work.cancel()
            }
        }
    } onCancel: {
        answer.give(.failure(CancellationError()))
    }
}

/// The first of several answers, handed to one waiting continuation; later answers are dropped.
private final class FirstAnswer<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var early: Swift.Result<Value, any Error>?
        var given = false
        var onGiven: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func wait(with continuation: CheckedContinuation<Value, any Error>) {
        let early: Swift.Result<Value, any Error>? = state.withLock { state in
            guard let early = state.early else {
                state.continuation = continuation
                return nil
            }
            state.early = nil
            return early
        }
        if let early { continuation.resume(with: early) }
    }

    func give(_ result: Swift.Result<Value, any Error>) {
        let (continuation, onGiven): (CheckedContinuation<Value, any Error>?, (@Sendable () -> Void)?) = state.withLock { state in
            guard !state.given else { return (nil, nil) }
            state.given = true
            defer { state.continuation = nil; state.onGiven = nil }
            if state.continuation == nil { state.early = result }
            return (state.continuation, state.onGiven)
        }
        continuation?.resume(with: result)
        onGiven?()
    }

    /// Runs `action` once an answer is given (at once if it already was).
    func whenGiven(_ action: @escaping @Sendable () -> Void) {
        let already = state.withLock { state in
            if state.given { return true }
            state.onGiven = action
            return false
        }
        if already { action() }
    }
}
