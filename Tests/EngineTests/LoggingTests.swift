import Foundation
import Logging
import Testing
@testable import Engine

/// JSON lines at the configured level, and size-based rotation.
@Suite struct LoggingTests {
    @Test func writesOneJSONObjectPerLineAtTheConfiguredLevel() throws {
        let sink = LogSink.memory()
        var logger = Logger(label: "engine") { EngineLogHandler(label: $0, format: .json, sink: sink, logLevel: .warning) }
        logger[metadataKey: "pod"] = "trading-engine-0"
        logger.info("not written")
        logger.warning("dependency is down", metadata: ["dependency": "redis", "error": "quote \" and\nnewline"])
        logger.error("failed")
        #expect(sink.lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: String])
        #expect(first["level"] == "warn" && first["logger"] == "engine" && first["message"] == "dependency is down")
        #expect(first["dependency"] == "redis" && first["error"] == "quote \" and\nnewline" && first["pod"] == "trading-engine-0")
        #expect(first["time"]?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil)
        #expect(sink.lines[0].hasPrefix(#"{"time":"#))
    }

    @Test func textFormat() {
        let sink = LogSink.memory()
        let logger = Logger(label: "engine") { EngineLogHandler(label: $0, format: .text, sink: sink, logLevel: .debug) }
        logger.debug("tick", metadata: ["symbol": "ES"])
        #expect(sink.lines.count == 1)
        #expect(sink.lines[0].hasSuffix(" DEBUG engine: tick symbol=ES"))
    }

    @Test func rotatesBySizeAndKeepsMaxFiles() throws {
        let directory = try EngineFixtures.directory()
        let path = directory + "/app.log"
        let sink = try LogSink.file(path: path, maxSize: 100, maxFiles: 2)
        for index in 0..<20 { sink.write(line: "line \(String(repeating: "x", count: 20)) \(index)") }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == ["app.log", "app.log.1", "app.log.2"])
        for name in names {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int)
            #expect(size <= 100, "\(name) is \(size) bytes")
        }
        // The newest line is in the live file, and nothing is lost within the kept files.
        let live = try String(contentsOfFile: path, encoding: .utf8)
        #expect(live.hasSuffix(" 19\n"))
        let kept = try names.reversed().map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }.joined()
        let numbers = kept.split(separator: "\n").map { Int($0.split(separator: " ").last!)! }
        #expect(numbers == Array((20 - numbers.count)..<20))
    }

    @Test func unwritableLogFileIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) { try LogSink.file(path: "/nonexistent-dir/app.log", maxSize: 1000, maxFiles: 1) }
    }
}
