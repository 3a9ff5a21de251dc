#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// Creates a new file with one `open`, `write` and `close`: for files inside a staging directory
/// that is swapped in as a whole, where writing each file atomically (a temporary file and a
/// rename per file, as Foundation does) would only double the system calls.
enum PlainFile {
    /// Writes `contents` to `path`, which must not exist yet; throws naming the path and the reason.
    static func create(_ path: String, contents: String) throws {
        try create(path, parts: [contents])
    }

    /// Writes `parts`, one after another, to `path`, which must not exist yet. The parts go
    /// through one reused buffer of 256 KiB, so a stream of thousands of documents is a few dozen
    /// system calls and is never joined into one string.
    static func create(_ path: String, parts: [String]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(message: "could not create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        if parts.count == 1 {
            var text = parts[0]
            try text.withUTF8 { try writeAll(descriptor, path, UnsafeRawBufferPointer($0)) }
            return
        }
        let capacity = 256 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var used = 0
        for part in parts {
            var text = part
            try text.withUTF8 { bytes in
                if used + bytes.count > capacity {
                    try writeAll(descriptor, path, UnsafeRawBufferPointer(rebasing: buffer[..<used]))
                    used = 0
                }
                if bytes.count > capacity {
                    try writeAll(descriptor, path, UnsafeRawBufferPointer(bytes))
                } else {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[used...]).copyMemory(from: UnsafeRawBufferPointer(bytes))
                    used += bytes.count
                }
            }
        }
        try writeAll(descriptor, path, UnsafeRawBufferPointer(rebasing: buffer[..<used]))
    }

    /// Writes every byte of `bytes`, resuming after short writes.
    private static func writeAll(_ descriptor: Int32, _ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(message: "could not write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
