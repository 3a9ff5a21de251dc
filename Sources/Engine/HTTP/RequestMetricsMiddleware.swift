import Hummingbird

/// Counts every request by method, matched route and status, and times it. Unmatched paths are
/// counted as `unmatched`, so scanners cannot grow the metric's label set.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: EngineMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            record(method, context.endpointPath ?? "unmatched", response.status.code, since: start, clock)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            // The router names a request no route matched "NotFound"; ours say `unmatched`.
            record(method, status == 404 ? "unmatched" : context.endpointPath ?? "unmatched", status, since: start, clock)
            throw error
        }
    }

    private func record(_ method: String, _ path: String, _ status: Int, since start: ContinuousClock.Instant, _ clock: ContinuousClock) {
        let (seconds, attoseconds) = (clock.now - start).components
        metrics.recordRequest(method: method, path: path, status: status, nanoseconds: seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
