import ArgumentParser
import EngineConfig
import Foundation
import Logging

/// `engine`: the trading engine service. Reads the `config.yaml` that `gen` rendered (the manifests
/// mount it at `/app/config/config.yaml`), applies the environment variables the manifests set,
/// and serves health, readiness and metrics until SIGTERM.
@main
struct EngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "The trading engine service.",
        discussion: """
            Settings, highest precedence first: DATABASE_URL; then DATABASE_HOST, DATABASE_PORT, \
            DATABASE_USER, DATABASE_PASSWORD, REDIS_URL, LOG_LEVEL, DEBUG_MODE, CPU_AFFINITY; then the \
            config file. ENVIRONMENT must name the config's environment. A configuration error exits \
            with status 78 and one line naming the file and line, or the variable, at fault.
            """)

    @Option(help: "The config file gen rendered.")
    var config: String = EngineInterface.configPath

    @Option(help: "The address to listen on.")
    var bind: String = "0.0.0.0"

    @Option(help: "The HTTP port (health and readiness); 0 picks a free one.")
    var httpPort: Int = EngineInterface.httpPort

    @Option(help: "Overrides metrics.port; 0 picks a free one.")
    var metricsPort: Int?

    @Option(help: "Seconds between dependency checks.")
    var checkInterval: Double = 1

    @Option(help: "Seconds one dependency check may take before it counts as failed.")
    var checkTimeout: Double = 2

    @Option(help: "Seconds readiness fails before the server stops accepting, after SIGTERM.")
    var drainSeconds: Double = 2

    @Flag(help: "Check the config and the environment, print the effective settings (secrets redacted) and exit.")
    var checkConfig = false

    func validate() throws {
        for (name, seconds) in [("--check-interval", checkInterval), ("--check-timeout", checkTimeout)] where !(seconds > 0) {
            throw ValidationError("\(name) must be a positive number of seconds, is \(seconds)")
        }
        guard drainSeconds >= 0 else { throw ValidationError("--drain-seconds must not be negative, is \(drainSeconds)") }
    }

    func run() async throws {
        let loaded: (settings: RuntimeSettings, fingerprint: String, sink: LogSink)
        do {
            loaded = try Self.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("engine: configuration error: \(error)\n".utf8))
            throw ExitCode(ConfigurationError.exitCode)
        }
        if checkConfig {
            print(DebugConfigView.render(loaded.settings, fingerprint: loaded.fingerprint), terminator: "")
            return
        }
        let settings = loaded.settings
        let sink = loaded.sink
        let level = EngineLogHandler.level(settings.config.logging.level)
        let format = settings.config.logging.format
        LoggingSystem.bootstrap { label in EngineLogHandler(label: label, format: format, sink: sink, logLevel: level) }
        let logger = Logger(label: "engine")

        let performance = PerformanceSetup.apply(settings.config.performance, tier: settings.config.environment.tier, host: LinuxHost())
        Self.log(performance, logger: logger)
        if !settings.ignored.isEmpty {
            logger.warning("variables ignored: DATABASE_URL takes precedence", metadata: ["ignored": "\(settings.ignored.joined(separator: ","))"])
        }
        if getuid() == 0 {
            logger.warning("running as root; the manifests run the engine as an unprivileged user")
        }
        let options = EngineOptions(
            bindHost: bind, httpPort: httpPort, metricsPort: metricsPort,
            checkInterval: .milliseconds(Int64(checkInterval * 1000)), checkTimeout: .milliseconds(Int64(checkTimeout * 1000)), drainDelay: .milliseconds(Int64(drainSeconds * 1000)))
        let engine = Engine(settings: settings, fileFingerprint: loaded.fingerprint, performance: performance, options: options, logger: logger) { server, port in
            logger.info("listening", metadata: ["server": "\(server)", "port": "\(port)"])
        }
        logger.info("starting", metadata: [
            "environment": "\(settings.config.environment.name)", "version": "\(settings.config.application.version)",
            "config_sha256": "\(loaded.fingerprint)", "pool_size": "\(settings.config.database.poolSize)",
            "overrides": "\(settings.overrides.map(\.name).joined(separator: ","))",
        ])
        try await engine.run(logger: logger)
        logger.info("stopped")
    }

    /// One line for what the engine got of its performance settings, one per note, one per refusal.
    static func log(_ report: PerformanceReport, logger: Logger) {
        if !report.pinned.isEmpty || report.priority != 0 || report.hugePagesBytes > 0 {
            logger.info("performance settings applied", metadata: [
                "cpus": "\(CPUListText.format(report.pinned))", "cpuset": "\(CPUListText.format(report.cpuset))",
                "policy": "\(report.policy)", "priority": "\(report.priority)", "huge_pages_bytes": "\(report.hugePagesBytes)",
                "numa_node": "\(report.numaNode.map(String.init) ?? "unknown")",
            ])
        }
        for note in report.notes { logger.warning("performance setting not honoured", metadata: ["reason": "\(note)"]) }
        for reason in report.refused { logger.error("performance setting cannot be honoured; readiness refused", metadata: ["reason": "\(reason)"]) }
    }

    /// The settings, the config file's fingerprint and the log sink, or the first configuration
    /// error. Nothing is started before all three exist.
    static func load(path: String, environment: [String: String]) throws(ConfigurationError) -> (settings: RuntimeSettings, fingerprint: String, sink: LogSink) {
        let file = try ConfigFile.load(path: path)
        let settings = try RuntimeSettings.resolve(config: file, environment: environment)
        let fingerprint: String
        do { fingerprint = try file.fingerprint() } catch { throw ConfigurationError("\(path): cannot fingerprint the config: \(error)") }
        let logging = settings.config.logging
        switch logging.output {
        case .stdout:
            return (settings, fingerprint, .standardOutput())
        case .file(let logPath):
            let sink = try LogSink.file(path: logPath, maxSize: logging.rotation.maxSize.bytes, maxFiles: logging.rotation.maxFiles)
            return (settings, fingerprint, sink)
        }
    }
}
