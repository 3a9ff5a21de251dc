import NIOCore

/// Splits the byte stream from Redis into replies.
struct RESPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = RESPValue

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let value = try RESPValue.read(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(value))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// Writes commands (argument lists) as RESP arrays.
struct RESPCommandEncoder: MessageToByteEncoder {
    typealias OutboundIn = [String]

    func encode(data: [String], out: inout ByteBuffer) throws {
        RESPValue.encodeCommand(data, into: &out)
    }
}
