import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where log lines go: standard output or a rotating file. Lines from every thread are written
/// whole, one at a time.
final class LogSink: Sendable {
    private enum Target {
        case standardOutput
        case file(RotatingFile)
        case memory([String])
    }

    private let target: Mutex<Target>

    private init(_ target: sending Target) { self.target = Mutex(target) }

    /// Lines to standard output.
    static func standardOutput() -> LogSink { LogSink(.standardOutput) }

    /// Lines to `path`, rotated after `maxSize` bytes, keeping `maxFiles` rotated files.
    static func file(path: String, maxSize: Int64, maxFiles: Int) throws(ConfigurationError) -> LogSink {
        LogSink(.file(try RotatingFile(path: path, maxSize: maxSize, maxFiles: maxFiles)))
    }

    /// Lines kept in memory, for tests.
    static func memory() -> LogSink { LogSink(.memory([])) }

    /// Writes one line (a newline is added).
    func write(line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        target.withLock { target in
            switch target {
            case .standardOutput:
                _ = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            case .file(let file):
                file.write(bytes)
            case .memory(var lines):
                lines.append(line)
                target = .memory(lines)
            }
        }
    }

    /// The lines written so far to a memory sink; empty for other sinks.
    var lines: [String] {
        target.withLock { target in
            if case .memory(let lines) = target { return lines }
            return []
        }
    }
}
