import Environments
import Testing
@testable import Engine

/// A bad config file stops the engine with one message naming the file, the line and the field.
@Suite struct ConfigFileTests {
    @Test func readsWhatGenRenders() throws {
        for name in Catalog.names {
            let path = try EngineFixtures.write(try EngineFixtures.configYAML(name))
            let config = try ConfigFile.load(path: path)
            #expect(config == Catalog.configs[name])
        }
    }

    @Test func missingFile() {
        #expect(throws: ConfigurationError("/nonexistent/config.yaml: the config file does not exist")) {
            try ConfigFile.load(path: "/nonexistent/config.yaml")
        }
    }

    /// Each mutation of development's config and the exact message it must give.
    @Test(arguments: [
        ("  pool_size: 10", "  pool_size: many", ":21: database.pool_size: expected integer, found \"many\""),
        ("  tcp_nodelay: true", "  tcp_nodelay:\n    - true", ":42: network.tcp_nodelay: expected a single value, found a sequence"),
        ("  pool_size: 10", "  pool_size: 0", ":21: database.pool_size: must be between 1 and 10000, is 0"),
        ("  port: 5432", "  port: 99999", ":19: database.port: "),
        ("  ssl_mode: disable", "  ssl_mode: sometimes", ":22: database.ssl_mode: "),
        ("  debug_mode: true", "  debug_mode: true\n  turbo: true", ":51: features.turbo: unknown field"),
        ("  max_files: 10", "  max_files: 0", ":36: logging.rotation.max_files: must be at least 1, is 0"),
        ("  tier: dev", "  tier: development", ":6: environment.tier: "),
    ])
    func badFile(original: String, replacement: String, expected: String) throws {
        let good = try EngineFixtures.configYAML()
        #expect(good.contains(original))
        let path = try EngineFixtures.write(good.replacingOccurrences(of: original, with: replacement))
        do {
            _ = try ConfigFile.load(path: path)
            Issue.record("\(replacement) was accepted")
        } catch {
            #expect(error.description.hasPrefix(path + expected), "\(error.description)")
        }
    }

    @Test(arguments: [("database:\n", "database: [\n"), ("  pool_size: 10", "  pool_size: *undefined")])
    func malformedYAMLNamesTheLine(original: String, replacement: String) throws {
        let good = try EngineFixtures.configYAML()
        #expect(good.contains(original))
        let path = try EngineFixtures.write(good.replacingOccurrences(of: original, with: replacement))
        do {
            _ = try ConfigFile.load(path: path)
            Issue.record("malformed YAML was accepted")
        } catch {
            let rest = error.description.dropFirst(path.count)
            #expect(rest.hasPrefix(":"), "\(error.description)")
            #expect(Int(rest.dropFirst().prefix { $0.isNumber }) != nil, "\(error.description)")
            #expect(rest.contains("malformed YAML"), "\(error.description)")
            #expect(!error.description.contains("\n"), "one line: \(error.description)")
        }
    }

    /// A whole section left out (the key and its block) is named, on one line.
    @Test func missingSectionNamesIt() throws {
        let good = try EngineFixtures.configYAML()
        var lines = good.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "redis:"))
        let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix(" ") } ?? lines.count
        lines.removeSubrange(start..<end)
        let path = try EngineFixtures.write(lines.joined(separator: "\n"))
        #expect(throws: ConfigurationError("\(path):1: redis: missing required field")) { try ConfigFile.load(path: path) }
    }

    /// A key given twice (here: the redis section's header lost, so its fields repeat the database's)
    /// names the repeated line, on one line, without echoing the file.
    @Test func duplicateKeyNamesTheRepeatedLine() throws {
        let good = try EngineFixtures.configYAML()
        var lines = good.components(separatedBy: "\n")
        let redis = try #require(lines.firstIndex(of: "redis:"))
        lines.remove(at: redis)
        let firstHost = try #require(lines.firstIndex(of: "  host: postgres-dev.hft-trading-dev.svc.cluster.local"))
        let secondHost = try #require(lines[redis...].firstIndex { $0.hasPrefix("  host: ") })
        let path = try EngineFixtures.write(lines.joined(separator: "\n"))
        #expect(throws: ConfigurationError("\(path):\(secondHost + 1): malformed YAML: duplicate key 'host' (first at line \(firstHost + 1))")) {
            try ConfigFile.load(path: path)
        }
    }
}
