import Hummingbird
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing
@testable import Engine

/// A graceful shutdown (what SIGTERM triggers) fails readiness first and lets a request that is
/// already being handled finish with its response.
@Suite struct GracefulShutdownTests {
    @Test func inFlightRequestFinishesAndReadinessFailsFirst() async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let router = Router()
        router.get("/slow") { _, _ -> String in
            startedContinuation.yield()
            try await Task.sleep(for: .milliseconds(300))
            return "done"
        }
        let server = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { portContinuation.yield($0.localAddress!.port!) })
        let board = ReadinessBoard(required: [])
        let group = Engine.serviceGroup(
            [server, DrainService(board: board, delay: .milliseconds(100), logger: EngineFixtures.logger())],
            signals: [], logger: EngineFixtures.logger())

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var portIterator = ports.makeAsyncIterator()
            let port = try #require(await portIterator.next())
            #expect(board.report().ready)
            async let response = Self.get(port: port, path: "/slow")
            var startedIterator = started.makeAsyncIterator()
            _ = await startedIterator.next()
            await group.triggerGracefulShutdown()
            let text = try await response
            #expect(text.hasPrefix("HTTP/1.1 200"), "\(text)")
            #expect(text.hasSuffix("done"), "\(text)")
            #expect(!board.report().ready, "readiness still passes after the shutdown began")
            try await tasks.next()
        }
    }

    /// The whole response to `GET path`, read until the server closes the connection.
    static func get(port: Int, path: String) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"))
            var text = ""
            for try await chunk in inbound { text += String(buffer: chunk) }
            return text
        }
    }
}
