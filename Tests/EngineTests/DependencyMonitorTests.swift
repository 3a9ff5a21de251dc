import Dispatch
import Synchronization
import InfraDSL
import Testing
@testable import Engine

/// The monitor records each dependency's answer, and a hung check is cut off by its deadline.
@Suite struct DependencyMonitorTests {
    struct Refused: Error, CustomStringConvertible { var description: String { "connection refused" } }

    @Test func recordsEachAnswerConcurrently() async throws {
        let board = ReadinessBoard(required: ["postgres", "redis"])
        let metrics = EngineMetrics()
        // Each check waits until both have started: run one after the other, they would time out.
        let started = Gate(count: 2)
        let monitor = DependencyMonitor(
            checks: [
                DependencyCheck(name: "postgres") { try await started.arriveAndWait() },
                DependencyCheck(name: "redis") {
                    try await started.arriveAndWait()
                    throw Refused()
                },
            ],
            board: board, metrics: metrics, interval: .seconds(1), logger: EngineFixtures.logger())
        let results = await monitor.checkAll()
        #expect(results.map(\.0) == ["postgres", "redis"])
        #expect(results[0].1.up && !results[1].1.up)
        #expect(results[1].1.error == "connection refused")
    }

    /// Waits until `count` tasks have arrived, or fails after five seconds.
    actor Gate {
        var remaining: Int
        init(count: Int) { remaining = count }
        func arriveAndWait() async throws {
            remaining -= 1
            for _ in 0..<500 where remaining > 0 { try await Task.sleep(for: .milliseconds(10)) }
            if remaining > 0 { throw Refused() }
        }
    }

    /// Not cut off, the body would return normally after 30 s and nothing would be thrown.
    @Test func deadlineCutsOffAHungCheck() async throws {
        await #expect(throws: DependencyFailure.self) {
            try await withDeadline(.milliseconds(100), failure: DependencyFailure(description: "late")) {
                try await Task.sleep(for: .seconds(30))
            }
        }
    }

    /// A client that ignores cancellation (PostgresNIO's query to a frozen server does) must not hold
    /// the check past its deadline: the deadline answers while the body is still running. The body
    /// ends only when the test lets it (or after a minute), so a slow machine cannot make it finish
    /// first: if the deadline waited for the body, this test would take a minute and fail.
    @Test func deadlineDoesNotWaitForABodyThatIgnoresCancellation() async throws {
        let finished = Mutex(false)
        let release = DispatchSemaphore(value: 0)
        await #expect(throws: DependencyFailure.self) {
            try await withDeadline(.milliseconds(100), failure: DependencyFailure(description: "late")) {
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().async {
                        _ = release.wait(timeout: .now() + 60)
                        continuation.resume()
                    }
                }
                finished.withLock { $0 = true }
            }
        }
        #expect(finished.withLock { $0 } == false, "the deadline waited for the body")
        release.signal()
    }

    @Test func deadlineReturnsTheBodysAnswerOrError() async throws {
        #expect(try await withDeadline(.seconds(5), failure: DependencyFailure(description: "late")) { 42 } == 42)
        await #expect(throws: Refused.self) {
            try await withDeadline(.seconds(5), failure: DependencyFailure(description: "late")) { throw Refused() }
        }
    }

    @Test func feedWalksWithinBoundsAndIsReproducible() {
        var first = SplitMix64(seed: 7)
        var price = 100.0
        for _ in 0..<10_000 {
            let next = MockMarketDataFeed.step(price, &first)
            #expect(abs(next - price) <= price * 0.0005 + 0.01)
            #expect(next >= 0.01)
            price = next
        }
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }
}
