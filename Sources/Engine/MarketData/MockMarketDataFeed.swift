import InfraValues
import ServiceLifecycle

/// The synthetic market-data feed `features.mock_market_data` turns on (development and staging
/// run without exchange connectivity): a seeded random walk of prices for a few instruments, one
/// tick per instrument every `interval`, counted in `market_data_ticks_total{symbol}` with the last
/// price in `market_data_last_price{symbol}`.
struct MockMarketDataFeed: ServiceLifecycle.Service {
    static let instruments: [(symbol: String, price: Double)] = [("ES", 5000), ("NQ", 18000), ("CL", 80), ("GC", 2400)]

    let metrics: EngineMetrics
    let interval: Duration
    let seed: UInt64

    func run() async throws {
        var random = SplitMix64(seed: seed)
        var prices = Self.instruments.map(\.price)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            for index in prices.indices {
                prices[index] = Self.step(prices[index], &random)
                metrics.recordTick(symbol: Self.instruments[index].symbol, price: prices[index])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// The next price: a move of at most ±0.05 %, rounded to a 0.01 tick, never below one tick.
    static func step(_ price: Double, _ random: inout SplitMix64) -> Double {
        let move = (Double(random.next() % 2001) - 1000) / 1000 * 0.0005
        return max(0.01, ((price * (1 + move)) * 100).rounded() / 100)
    }
}
