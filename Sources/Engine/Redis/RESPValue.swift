import NIOCore

/// A Redis reply in the RESP2 protocol: the five reply types, enough for PING, AUTH and SELECT.
enum RESPValue: Equatable, Sendable {
    case simpleString(String)
    case error(String)
    case integer(Int)
    case bulkString(String?)
    case array([RESPValue]?)

    /// Reads one complete reply from the front of `buffer`, consuming it; `nil` (buffer untouched)
    /// when more bytes are needed. Throws on bytes that are not RESP.
    static func read(from buffer: inout ByteBuffer) throws -> RESPValue? {
        var copy = buffer
        guard let value = try parse(&copy) else { return nil }
        buffer = copy
        return value
    }

    private static func parse(_ buffer: inout ByteBuffer) throws -> RESPValue? {
        guard let marker = buffer.readInteger(as: UInt8.self), let line = readLine(&buffer) else { return nil }
        switch marker {
        case UInt8(ascii: "+"):
            return .simpleString(line)
        case UInt8(ascii: "-"):
            return .error(line)
        case UInt8(ascii: ":"):
            guard let number = Int(line) else { throw RESPError.malformed("integer '\(line)'") }
            return .integer(number)
        case UInt8(ascii: "$"):
            guard let length = Int(line), length >= -1 else { throw RESPError.malformed("bulk length '\(line)'") }
            if length == -1 { return .bulkString(nil) }
            guard buffer.readableBytes >= length + 2, let text = buffer.readString(length: length) else { return nil }
            buffer.moveReaderIndex(forwardBy: 2)
            return .bulkString(text)
        case UInt8(ascii: "*"):
            guard let count = Int(line), count >= -1 else { throw RESPError.malformed("array length '\(line)'") }
            if count == -1 { return .array(nil) }
            var items: [RESPValue] = []
            for _ in 0..<count {
                guard let item = try parse(&buffer) else { return nil }
                items.append(item)
            }
            return .array(items)
        default:
            throw RESPError.malformed("reply type byte \(marker)")
        }
    }

    /// The text up to CRLF, consuming both; `nil` when no full line is buffered.
    private static func readLine(_ buffer: inout ByteBuffer) -> String? {
        let view = buffer.readableBytesView
        guard let cr = view.firstIndex(of: UInt8(ascii: "\r")), view.index(after: cr) < view.endIndex,
              view[view.index(after: cr)] == UInt8(ascii: "\n")
        else { return nil }
        let text = buffer.readString(length: cr - view.startIndex)
        buffer.moveReaderIndex(forwardBy: 2)
        return text
    }

    /// A command as RESP sends it: an array of bulk strings.
    static func encodeCommand(_ arguments: [String], into buffer: inout ByteBuffer) {
        buffer.writeString("*\(arguments.count)\r\n")
        for argument in arguments {
            buffer.writeString("$\(argument.utf8.count)\r\n")
            buffer.writeString(argument)
            buffer.writeString("\r\n")
        }
    }
}

/// What goes wrong talking to Redis.
enum RESPError: Error, CustomStringConvertible, Equatable {
    case malformed(String)
    case server(String)
    case closed
    case timedOut

    var description: String {
        switch self {
        case .malformed(let what): "malformed reply: \(what)"
        case .server(let message): "server error: \(message)"
        case .closed: "connection closed before the reply"
        case .timedOut: "no reply in time"
        }
    }
}
