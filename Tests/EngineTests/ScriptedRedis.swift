import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
@testable import Engine

/// A loopback server speaking just enough RESP for probe tests: AUTH against one password, SELECT,
/// PING. Records every command it receives.
final class ScriptedRedis: Sendable {
    private let channel: any Channel
    private let log: NIOLockedValueBox<[[String]]>
    var port: Int { channel.localAddress!.port! }

    private init(channel: any Channel, log: NIOLockedValueBox<[[String]]>) {
        self.channel = channel
        self.log = log
    }

    static func start(password: String?) async throws -> ScriptedRedis {
        let log = NIOLockedValueBox<[[String]]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(CommandDecoder()))
                    try child.pipeline.syncOperations.addHandler(Responder(password: password, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ScriptedRedis(channel: channel, log: log)
    }

    func received() -> [[String]] { log.withLockedValue { $0 } }

    func stop() async throws { try await channel.close() }

    /// Commands arrive as RESP arrays of bulk strings, which the reply parser reads too.
    private struct CommandDecoder: ByteToMessageDecoder {
        typealias InboundOut = [String]
        mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
            guard let value = try RESPValue.read(from: &buffer) else { return .needMoreData }
            guard case .array(let items?) = value else { throw RESPError.malformed("command") }
            let command = items.compactMap { item -> String? in if case .bulkString(let text) = item { return text } else { return nil } }
            context.fireChannelRead(Self.wrapInboundOut(command))
            return .continue
        }
    }

    private final class Responder: ChannelInboundHandler, Sendable {
        typealias InboundIn = [String]
        typealias OutboundOut = ByteBuffer
        let password: String?
        let log: NIOLockedValueBox<[[String]]>

        init(password: String?, log: NIOLockedValueBox<[[String]]>) {
            self.password = password
            self.log = log
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let command = Self.unwrapInboundIn(data)
            log.withLockedValue { $0.append(command) }
            let reply: String = switch command.first?.uppercased() {
            case "AUTH": command.last == password ? "+OK\r\n" : "-WRONGPASS invalid username-password pair\r\n"
            case "SELECT": "+OK\r\n"
            case "PING": "+PONG\r\n"
            default: "-ERR unknown command\r\n"
            }
            context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
        }
    }
}
