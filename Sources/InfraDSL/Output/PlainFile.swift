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
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(message: "could not create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var text = contents
        try text.withUTF8 { bytes in
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
}
