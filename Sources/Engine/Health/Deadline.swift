/// Runs `body`, cancelling it and throwing `failure` when it takes longer than `limit`.
func withDeadline<Result: Sendable>(
    _ limit: Duration, failure: any Error & Sendable, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else { throw failure }
        return result
    }
}
