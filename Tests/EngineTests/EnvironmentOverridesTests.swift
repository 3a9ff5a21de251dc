import Environments
import Foundation
import Testing
@testable import Engine

/// The documented precedence: DATABASE_URL, then single variables, then the config file.
@Suite struct EnvironmentOverridesTests {
    let development = Catalog.configs["development"]!

    @Test func configAloneNeedsCredentials() {
        #expect(throws: ConfigurationError.self) { try RuntimeSettings.resolve(config: development, environment: [:]) }
    }

    @Test func configValuesWhenNothingOverrides() throws {
        let settings = try RuntimeSettings.resolve(config: development, environment: ["DATABASE_USER": "trader"])
        #expect(settings.config == development)
        #expect(settings.database == DatabaseEndpoint(
            host: development.database.host, port: 5432, database: "hft_trading_dev", user: "trader", password: nil, sslMode: .disable))
        #expect(settings.redis == [RedisEndpoint(host: development.redis.host!, port: 6379, database: 0, username: nil, password: nil, tls: false)])
        #expect(settings.overrides.map(\.name) == ["DATABASE_USER"])
    }

    @Test func singleVariablesOverrideTheirSetting() throws {
        let settings = try RuntimeSettings.resolve(config: development, environment: [
            "ENVIRONMENT": "development", "LOG_LEVEL": "WARN", "DEBUG_MODE": "false", "CPU_AFFINITY": "0,2-3",
            "DATABASE_HOST": "127.0.0.1", "DATABASE_PORT": "6543", "DATABASE_USER": "u", "DATABASE_PASSWORD": "p",
            "REDIS_URL": "rediss://:pw@cache:6380/2",
        ])
        #expect(settings.config.logging.level == .warn)
        #expect(settings.config.features.debugMode == false)
        #expect(settings.cpuAffinity?.cpus == [0, 2, 3])
        #expect(settings.database == DatabaseEndpoint(host: "127.0.0.1", port: 6543, database: "hft_trading_dev", user: "u", password: "p", sslMode: .disable))
        #expect(settings.redis == [RedisEndpoint(host: "cache", port: 6380, database: 2, username: nil, password: "pw", tls: true)])
        // Everything else is the file's.
        #expect(settings.config.database == development.database)
        #expect(settings.config.resources == development.resources)
    }

    @Test func redisPasswordIsTheAuthPasswordOfEveryClusterNode() throws {
        let production = Catalog.configs["production"]!
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redis-password-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("auth-token")
        try Data("token-from-the-secret\n".utf8).write(to: file)
        let settings = try RuntimeSettings.resolve(config: production, environment: ["DATABASE_USER": "u", "REDIS_PASSWORD_FILE": file.path])
        #expect(settings.redis.count == 3)
        #expect(settings.redis.allSatisfy { $0.password == "token-from-the-secret" && $0.username == nil })
        #expect(throws: ConfigurationError.self) {
            try RuntimeSettings.resolve(config: production, environment: ["DATABASE_USER": "u", "REDIS_PASSWORD": ""])
        }
    }

    @Test func databaseURLWinsOverSingleVariables() throws {
        let settings = try RuntimeSettings.resolve(config: development, environment: [
            "DATABASE_URL": "postgresql://bob:p%40ss@db.internal:5433/orders?sslmode=verify-full",
            "DATABASE_HOST": "ignored", "DATABASE_USER": "ignored", "DATABASE_PASSWORD": "ignored",
        ])
        #expect(settings.database == DatabaseEndpoint(host: "db.internal", port: 5433, database: "orders", user: "bob", password: "p@ss", sslMode: .verifyFull))
    }

    @Test func productionClusterPingsEveryNode() throws {
        let production = Catalog.configs["production"]!
        let settings = try RuntimeSettings.resolve(config: production, environment: ["DATABASE_USER": "u"])
        #expect(settings.redis.count == production.redis.nodes!.count)
        #expect(settings.redis.allSatisfy { $0.tls && $0.database == 0 })
        #expect(settings.cpuAffinity?.cpus == Array(0...7))
    }

    @Test(arguments: [
        (["ENVIRONMENT": "production"], "ENVIRONMENT is 'production' but the config file is for 'development'"),
        (["LOG_LEVEL": "verbose"], "LOG_LEVEL: 'verbose' is not one of debug, info, warn, error"),
        (["DEBUG_MODE": "maybe"], "DEBUG_MODE: 'maybe' is not true or false"),
        (["CPU_AFFINITY": "3-1"], "CPU_AFFINITY: '3-1' is not a CPU list"),
        (["DATABASE_PORT": "70000"], "DATABASE_PORT: '70000' is not a port"),
        (["DATABASE_URL": "mysql://u@h/db"], "DATABASE_URL: not a postgres://"),
        (["DATABASE_URL": "postgres://u@h/db?sslmode=sometimes"], "DATABASE_URL: not a postgres://"),
        (["REDIS_URL": "redis://cache/99"], "REDIS_URL: not a redis://"),
    ])
    func refusals(variables: [String: String], message: String) {
        var environment = ["DATABASE_USER": "trader"]
        environment.merge(variables) { _, new in new }
        do {
            _ = try RuntimeSettings.resolve(config: development, environment: environment)
            Issue.record("\(variables) was accepted")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func credentialsComeFromFilesAsTheManifestsMountThem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secret-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let user = directory.appendingPathComponent("username"), password = directory.appendingPathComponent("password")
        try Data("trader".utf8).write(to: user)
        try Data("hunter2\n".utf8).write(to: password)
        let settings = try RuntimeSettings.resolve(config: development, environment: [
            "DATABASE_USER_FILE": user.path, "DATABASE_PASSWORD_FILE": password.path,
        ])
        #expect(settings.database.user == "trader" && settings.database.password == "hunter2")
        #expect(!DebugConfigView.render(settings, fingerprint: "f").contains("hunter2"))

        for (environment, message) in [
            (["DATABASE_USER": "a", "DATABASE_USER_FILE": user.path], "DATABASE_USER and DATABASE_USER_FILE are both set: set one"),
            (["DATABASE_USER": "a", "DATABASE_PASSWORD_FILE": directory.appendingPathComponent("absent").path],
             "DATABASE_PASSWORD_FILE: \(directory.path)/absent cannot be read"),
        ] {
            #expect(throws: ConfigurationError(message)) { try RuntimeSettings.resolve(config: development, environment: environment) }
        }
    }

    @Test func cpuLists() {
        #expect(CPUList("0-7")?.cpus == Array(0...7))
        #expect(CPUList("5,1,1-2")?.cpus == [1, 2, 5])
        for bad in ["", "a", "1-", "-1", "2-1", "1,,2", "4096"] { #expect(CPUList(bad) == nil, "\(bad)") }
    }

    @Test func redisURLForms() {
        #expect(RedisEndpoint.parse(url: "redis://localhost")?.port == 6379)
        #expect(RedisEndpoint.parse(url: "redis://secret@h")?.password == "secret")
        let acl = RedisEndpoint.parse(url: "redis://engine:pw@h:7000/3")
        #expect(acl?.username == "engine" && acl?.password == "pw" && acl?.database == 3 && acl?.port == 7000)
        #expect(RedisEndpoint.parse(url: "http://h") == nil)
    }
}
