import NIOCore
import NIOPosix
import NIOSSL

/// A minimal Redis client for readiness: one short connection per check that authenticates when a
/// password is set, selects the database and expects `PONG`.
struct RedisProbe: Sendable {
    let endpoint: RedisEndpoint
    let timeout: Duration

    /// Succeeds when the server answered PING with PONG within ``timeout``; throws what failed.
    func check() async throws {
        try await withDeadline(timeout, failure: RESPError.timedOut) {
            let channel = try await connect()
            try await channel.executeThenClose { inbound, outbound in
                var replies = inbound.makeAsyncIterator()
                func send(_ command: [String]) async throws -> RESPValue {
                    try await outbound.write(command)
                    guard let reply = try await replies.next() else { throw RESPError.closed }
                    if case .error(let message) = reply { throw RESPError.server(message) }
                    return reply
                }
                if let password = endpoint.password {
                    _ = try await send(["AUTH"] + (endpoint.username.map { [$0] } ?? []) + [password])
                }
                if endpoint.database != 0 {
                    _ = try await send(["SELECT", String(endpoint.database)])
                }
                let pong = try await send(["PING"])
                guard pong == .simpleString("PONG") else { throw RESPError.malformed("PING answered \(pong)") }
            }
        }
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    private func connect() async throws -> NIOAsyncChannel<RESPValue, [String]> {
        let tls: NIOSSLContext? = endpoint.tls
            ? try NIOSSLContext(configuration: TrustedCertificates.clientConfiguration(trusting: endpoint.trustedCertificates)) : nil
        // The name the certificate must carry; an IP address is checked against the certificate's
        // IP entries instead (and cannot be sent as SNI).
        let host: String? = Self.isIPAddress(endpoint.host) ? nil : endpoint.host
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.init(timeout))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connect(host: endpoint.host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RESPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RESPCommandEncoder()))
                    return try NIOAsyncChannel<RESPValue, [String]>(wrappingChannelSynchronously: channel)
                }
            }
    }
}
