import EngineConfig

/// The environment variables the manifests and the compose file set, applied over the config file.
///
/// Precedence, highest first:
/// 1. `DATABASE_URL` (host, port, database, user, password and `sslmode` at once);
/// 2. `DATABASE_HOST`, `DATABASE_PORT`, `DATABASE_USER`, `DATABASE_PASSWORD`, `REDIS_URL`,
///    `LOG_LEVEL`, `DEBUG_MODE`, `CPU_AFFINITY`, each replacing one setting; `REDIS_PASSWORD`, the
///    AUTH password of every Redis endpoint (a managed cache's token);
///    `DATABASE_SSL_ROOT_CERT` and `REDIS_TLS_CA_FILE` name the PEM files of the authorities TLS
///    verifies the servers against (the system's otherwise);
/// 3. the config file.
/// Each credential variable may instead name a file holding it (`DATABASE_PASSWORD_FILE`, as the
/// manifests mount the Secret; see ``SecretFiles``).
/// `ENVIRONMENT` overrides nothing: it must name the config's environment, or the engine refuses to
/// start (a production pod must never run a staging config). Credentials exist only in the
/// environment: `DATABASE_USER` (or `DATABASE_URL`) is required.
extension RuntimeSettings {
    /// The settings `config` and `environment` (variable name to value) give, or the first problem.
    static func resolve(config file: AppConfig, environment given: [String: String]) throws(ConfigurationError) -> RuntimeSettings {
        let environment = try SecretFiles.expand(given)
        var config = file
        var overrides: [(name: String, value: String)] = []
        func take(_ name: String) -> String? {
            guard let value = environment[name] else { return nil }
            overrides.append((name, value))
            return value
        }

        if let name = environment["ENVIRONMENT"], name != file.environment.name {
            throw ConfigurationError("ENVIRONMENT is '\(name)' but the config file is for '\(file.environment.name)': refusing to start with another environment's config")
        }
        if let text = take("LOG_LEVEL") {
            guard let level = LogLevel(rawValue: text.lowercased()) else {
                throw ConfigurationError("LOG_LEVEL: '\(text)' is not one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.logging.level = level
        }
        if let text = take("DEBUG_MODE") {
            guard let flag = parseFlag(text) else {
                throw ConfigurationError("DEBUG_MODE: '\(text)' is not true or false")
            }
            config.features.debugMode = flag
        }
        var cpus = config.performance.flatMap { CPUList($0.cpuAffinity) }
        if let text = take("CPU_AFFINITY") {
            guard let list = CPUList(text) else {
                throw ConfigurationError("CPU_AFFINITY: '\(text)' is not a CPU list such as 0-7 or 0,2,4-6")
            }
            cpus = list
            config.performance?.cpuAffinity = text
        }
        var database = try databaseEndpoint(config.database, take: take)
        var redis = try redisEndpoints(config.redis, take: take)
        if let path = take("DATABASE_SSL_ROOT_CERT") {
            database.trustedCertificates = try TrustedCertificates.load(path, variable: "DATABASE_SSL_ROOT_CERT")
        }
        if let password = take("REDIS_PASSWORD") {
            guard !password.isEmpty else { throw ConfigurationError("REDIS_PASSWORD is empty") }
            for index in redis.indices { redis[index].password = password }
        }
        if let path = take("REDIS_TLS_CA_FILE") {
            let trusted = try TrustedCertificates.load(path, variable: "REDIS_TLS_CA_FILE")
            for index in redis.indices { redis[index].trustedCertificates = trusted }
        }
        let shadowed = environment["DATABASE_URL"] == nil ? [] : ["DATABASE_HOST", "DATABASE_PORT", "DATABASE_USER", "DATABASE_PASSWORD"]
        return RuntimeSettings(
            config: config, database: database, redis: redis, cpuAffinity: cpus, overrides: overrides,
            ignored: shadowed.filter { environment[$0] != nil })
    }

    private static func databaseEndpoint(
        _ database: DatabaseConfig, take: (String) -> String?
    ) throws(ConfigurationError) -> DatabaseEndpoint {
        if let url = take("DATABASE_URL") {
            guard let endpoint = DatabaseEndpoint.parse(url: url, fallbackSSL: database.sslMode) else {
                throw ConfigurationError("DATABASE_URL: not a postgres://user[:password]@host[:port]/database[?sslmode=mode] URL")
            }
            return endpoint
        }
        var port = database.port.number
        if let text = take("DATABASE_PORT") {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw ConfigurationError("DATABASE_PORT: '\(text)' is not a port between 1 and 65535")
            }
            port = number
        }
        let host = take("DATABASE_HOST") ?? database.host
        guard let user = take("DATABASE_USER"), !user.isEmpty else {
            throw ConfigurationError("DATABASE_USER is not set: the database credentials come from the environment (DATABASE_USER and DATABASE_PASSWORD, which the manifests take from the Secret database-credentials, or DATABASE_URL)")
        }
        return DatabaseEndpoint(
            host: host, port: port, database: database.database, user: user,
            password: take("DATABASE_PASSWORD"), sslMode: database.sslMode)
    }

    private static func redisEndpoints(_ redis: RedisConfig, take: (String) -> String?) throws(ConfigurationError) -> [RedisEndpoint] {
        if let url = take("REDIS_URL") {
            guard let endpoint = RedisEndpoint.parse(url: url) else {
                throw ConfigurationError("REDIS_URL: not a redis://[:password@]host[:port][/db] (or rediss://) URL")
            }
            return [endpoint]
        }
        return redis.endpoints.map {
            RedisEndpoint(host: $0.host, port: $0.port, database: redis.mode == .standalone ? redis.db ?? 0 : 0,
                          username: nil, password: nil, tls: redis.ssl)
        }
    }

    private static func parseFlag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "on": true
        case "false", "0", "no", "off": false
        default: nil
        }
    }
}
