import EngineConfig
import Logging

/// A swift-log handler writing one line per message: JSON objects (`time`, `level`, `logger`,
/// `message`, then metadata, sorted) or, for `format: text`, `time LEVEL logger: message k=v`.
struct EngineLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    let sink: LogSink
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let time = Timestamp.now()
        let level = Self.name(of: event.level)
        switch format {
        case .json:
            var line = "{\"time\":\"\(time)\",\"level\":\"\(level)\",\"logger\":\(JSONText.quoted(label)),\"message\":\(JSONText.quoted("\(event.message)"))"
            for key in merged.keys.sorted() {
                line += ",\(JSONText.quoted(key)):\(JSONText.quoted("\(merged[key]!)"))"
            }
            sink.write(line: line + "}")
        case .text:
            var line = "\(time) \(level.uppercased()) \(label): \(event.message)"
            for key in merged.keys.sorted() { line += " \(key)=\(merged[key]!)" }
            sink.write(line: line)
        }
    }

    /// The config's level names, so a line's level reads the same as the setting that admits it.
    static func name(of level: Logger.Level) -> String {
        switch level {
        case .trace: "trace"
        case .debug: "debug"
        case .info, .notice: "info"
        case .warning: "warn"
        case .error, .critical: "error"
        }
    }

    /// The swift-log level a config level means.
    static func level(_ level: LogLevel) -> Logger.Level {
        switch level {
        case .debug: .debug
        case .info: .info
        case .warn: .warning
        case .error: .error
        }
    }
}
