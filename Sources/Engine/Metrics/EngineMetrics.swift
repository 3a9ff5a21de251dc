import CoreMetrics
import EngineConfig
import Prometheus
import Synchronization

/// The engine's metrics, recorded through swift-metrics into one Prometheus registry per engine
/// (not the process-global bootstrap, so tests can run several engines side by side).
///
/// Names (``EngineMetricNames``, which the alert rules read too): `http_requests_total{method,path,status}` (the alert rules' 5xx ratio reads it),
/// `http_request_duration_seconds{method,path}` (histogram), `engine_dependency_up{dependency}`,
/// `engine_dependency_check_duration_seconds{dependency}`, `engine_database_pool_max_connections`,
/// `engine_info{…,config_sha256}` (always 1), `engine_ready`, what the performance settings got
/// (`engine_pinned_cpus`, `engine_cpuset_cpus`, `engine_huge_pages_mapped_bytes`,
/// `engine_thread_priority{policy}`, `engine_numa_node`, `engine_performance_refusals`), and the market-data feed's
/// `market_data_ticks_total{symbol}` and `market_data_last_price{symbol}`.
final class EngineMetrics: Sendable {
    private typealias Names = EngineMetricNames

    let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    /// The counter and timer of each (method, route, status), made once: looking them up in the
    /// registry on every request took a lock and built label arrays on the hot path.
    private struct RequestKey: Hashable {
        let method: String, path: String, status: Int
    }
    private let requestMetrics = Mutex<[RequestKey: (count: CoreMetrics.Counter, duration: CoreMetrics.Timer)]>([:])

    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // A low-latency service answers in microseconds: buckets from 50 µs to 1 s.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
            .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        ]
        self.factory = factory
    }

    /// One finished HTTP request.
    func recordRequest(method: String, path: String, status: Int, nanoseconds: Int64) {
        let key = RequestKey(method: method, path: path, status: status)
        let metrics = requestMetrics.withLock { cache in
            if let found = cache[key] { return found }
            let made = (
                count: CoreMetrics.Counter(label: Names.httpRequests, dimensions: [(Names.method, method), (Names.path, path), (Names.status, String(status))], factory: factory),
                duration: CoreMetrics.Timer(label: Names.httpRequestDuration, dimensions: [(Names.method, method), (Names.path, path)], factory: factory))
            cache[key] = made
            return made
        }
        metrics.count.increment()
        metrics.duration.recordNanoseconds(nanoseconds)
    }

    /// The result of one dependency check.
    func recordDependency(_ name: String, up: Bool, milliseconds: Double) {
        Gauge(label: Names.dependencyUp, dimensions: [(Names.dependency, name)], factory: factory).record(up ? 1 : 0)
        Timer(label: Names.dependencyCheckDuration, dimensions: [(Names.dependency, name)], factory: factory)
            .recordNanoseconds(Int64(milliseconds * 1_000_000))
    }

    /// Build and config identity: the labels say which engine runs which config. `config_sha256`
    /// is the fingerprint `gen` puts on the pod template (`infradsl.io/config-sha256`); a pod
    /// whose value differs from its annotation runs a config other than the one rendered.
    func recordInfo(config: AppConfig, fileFingerprint: String, poolSize: Int) {
        Gauge(label: Names.info, dimensions: [
            ("version", config.application.version), ("environment", config.environment.name),
            ("tier", config.environment.tier.rawValue), ("config_sha256", fileFingerprint),
        ], factory: factory).record(1)
        Gauge(label: Names.databasePoolMaxConnections, dimensions: [], factory: factory).record(poolSize)
    }

    /// What the engine got of its performance settings at start-up.
    func recordPerformance(_ report: PerformanceReport) {
        Gauge(label: Names.pinnedCPUs, dimensions: [], factory: factory).record(report.pinned.count)
        Gauge(label: Names.cpusetCPUs, dimensions: [], factory: factory).record(report.cpuset.count)
        Gauge(label: Names.hugePagesMapped, dimensions: [], factory: factory).record(report.hugePagesBytes)
        Gauge(label: Names.threadPriority, dimensions: [(Names.policy, report.policy)], factory: factory).record(Int(report.priority))
        Gauge(label: Names.numaNode, dimensions: [], factory: factory).record(report.numaNode ?? -1)
        Gauge(label: Names.performanceRefusals, dimensions: [], factory: factory).record(report.refused.count)
    }

    /// Whether readiness currently passes.
    func recordReady(_ ready: Bool) {
        Gauge(label: Names.ready, dimensions: [], factory: factory).record(ready ? 1 : 0)
    }

    /// One synthetic market-data tick.
    func recordTick(symbol: String, price: Double) {
        Counter(label: Names.marketDataTicks, dimensions: [(Names.symbol, symbol)], factory: factory).increment()
        Gauge(label: Names.marketDataLastPrice, dimensions: [(Names.symbol, symbol)], factory: factory).record(price)
    }

    /// The Prometheus text exposition of everything recorded.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        registry.emit(into: &buffer)
        return buffer
    }
}
