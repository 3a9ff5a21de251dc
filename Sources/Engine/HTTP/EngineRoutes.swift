import EngineConfig
import Hummingbird

/// The engine's HTTP API on the service port: liveness, readiness and, in debug mode only, the
/// effective configuration.
enum EngineRoutes {
    /// The router of the service port.
    static func router(_ engine: EngineState) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware<BasicRequestContext>(metrics: engine.metrics))
        router.get(RouterPath(EngineInterface.livenessPath)) { _, _ in
            json(.ok, ResponseJSON.text(LivenessBody(environment: engine.settings.config.environment.name)))
        }
        router.get(RouterPath(EngineInterface.readinessPath)) { _, _ in
            let (ready, body) = engine.board.report()
            return json(ready ? .ok : .serviceUnavailable, ResponseJSON.text(body))
        }
        if engine.settings.config.features.debugMode {
            router.get("/debug/config") { _, _ in
                json(.ok, DebugConfigView.render(engine.settings, fingerprint: engine.fileFingerprint))
            }
        }
        return router
    }

    /// The router of the metrics port: `GET /metrics` in Prometheus text format.
    static func metricsRouter(_ metrics: EngineMetrics) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get(RouterPath(EngineInterface.metricsPath)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        return router
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
