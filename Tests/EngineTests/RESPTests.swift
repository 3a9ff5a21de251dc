import NIOCore
import NIOPosix
import Testing
@testable import Engine

/// The minimal Redis client: reply parsing at every split point, command encoding, and a probe
/// against a scripted server.
@Suite struct RESPTests {
    @Test func parsesEveryReplyTypeAtEverySplit() throws {
        let wire = "+PONG\r\n-WRONGPASS invalid password\r\n:42\r\n$5\r\nhello\r\n$-1\r\n*2\r\n$1\r\na\r\n:7\r\n*-1\r\n$0\r\n\r\n"
        let expected: [RESPValue] = [
            .simpleString("PONG"), .error("WRONGPASS invalid password"), .integer(42), .bulkString("hello"),
            .bulkString(nil), .array([.bulkString("a"), .integer(7)]), .array(nil), .bulkString(""),
        ]
        let bytes = Array(wire.utf8)
        for split in 0...bytes.count {
            var buffer = ByteBuffer(bytes: bytes[..<split])
            var values: [RESPValue] = []
            while let value = try RESPValue.read(from: &buffer) { values.append(value) }
            buffer.writeBytes(bytes[split...])
            while let value = try RESPValue.read(from: &buffer) { values.append(value) }
            #expect(values == expected, "split at \(split)")
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test func rejectsBytesThatAreNotRESP() {
        var buffer = ByteBuffer(string: "HTTP/1.1 400 Bad Request\r\n")
        #expect(throws: RESPError.self) { try RESPValue.read(from: &buffer) }
    }

    @Test func encodesCommandsAsBulkStringArrays() {
        var buffer = ByteBuffer()
        RESPValue.encodeCommand(["AUTH", "pässword"], into: &buffer)
        #expect(String(buffer: buffer) == "*2\r\n$4\r\nAUTH\r\n$9\r\npässword\r\n")
    }

    @Test func probeAuthenticatesSelectsAndPings() async throws {
        let server = try await ScriptedRedis.start(password: "pw")
        let probe = RedisProbe(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port, database: 3, username: nil, password: "pw", tls: false), timeout: .seconds(2))
        try await probe.check()
        #expect(server.received() == [["AUTH", "pw"], ["SELECT", "3"], ["PING"]])
        let wrong = RedisProbe(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port, database: 0, username: nil, password: "nope", tls: false), timeout: .seconds(2))
        await #expect(throws: RESPError.server("WRONGPASS invalid username-password pair")) { try await wrong.check() }
        try await server.stop()
    }

    @Test func probeFailsFastWhenNothingListens() async throws {
        let server = try await ScriptedRedis.start(password: nil)
        let port = server.port
        try await server.stop()
        let probe = RedisProbe(endpoint: RedisEndpoint(host: "127.0.0.1", port: port, database: 0, username: nil, password: nil, tls: false), timeout: .seconds(2))
        do {
            try await probe.check()
            Issue.record("a closed port answered")
        } catch {
            // Refused at once, not waited out.
            #expect(error as? RESPError != .timedOut, "\(error)")
        }
    }
}
