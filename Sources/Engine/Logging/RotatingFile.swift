#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// An append-only log file rotated by size: when a write would take it past `maxSize` bytes, it is
/// renamed `path.1` (older files move to `.2`, `.3`, …), files beyond `maxFiles` rotated copies are
/// deleted, and a new file is started. Not thread-safe; ``LogSink`` serializes access.
final class RotatingFile {
    let path: String
    let maxSize: Int64
    let maxFiles: Int
    private var descriptor: Int32
    private var size: Int64

    /// Opens (creating or appending to) `path`; throws the `errno` text when that fails.
    init(path: String, maxSize: Int64, maxFiles: Int) throws(ConfigurationError) {
        self.path = path
        self.maxSize = maxSize
        self.maxFiles = maxFiles
        descriptor = -1
        size = 0
        try open()
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends `bytes`, rotating first when they would not fit. A failing write is dropped: the
    /// engine keeps trading when its log volume is full.
    func write(_ bytes: [UInt8]) {
        if size > 0 && size + Int64(bytes.count) > maxSize { rotate() }
        guard descriptor >= 0 else { return }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written > 0 { size += Int64(written) }
    }

    private func open() throws(ConfigurationError) {
        let opened = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard opened >= 0 else {
            throw ConfigurationError("logging.output: cannot open \(path): \(String(cString: strerror(errno)))")
        }
        var status = stat()
        size = fstat(opened, &status) == 0 ? Int64(status.st_size) : 0
        descriptor = opened
    }

    private func rotate() {
        close(descriptor)
        descriptor = -1
        unlink("\(path).\(maxFiles)")
        if maxFiles > 1 {
            for index in stride(from: maxFiles - 1, through: 1, by: -1) {
                rename("\(path).\(index)", "\(path).\(index + 1)")
            }
        }
        rename(path, "\(path).1")
        try? open()
    }
}
