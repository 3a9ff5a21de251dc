import InfraValues

/// The tier of an environment. Closed: a `switch` over tiers that misses one does not compile.
public enum Tier: String, Codable, Sendable, CaseIterable, JSONSchemaDescribable {
    case dev
    case staging
    case prod
}

/// How much the engine logs.
public enum LogLevel: String, Codable, Sendable, CaseIterable, JSONSchemaDescribable {
    case debug, info, warn, error
}

/// The log line format.
public enum LogFormat: String, Codable, Sendable, CaseIterable, JSONSchemaDescribable {
    case json, text
}

/// PostgreSQL's `sslmode`, weakest first.
public enum SSLMode: String, Codable, Sendable, CaseIterable, JSONSchemaDescribable, Comparable {
    case disable
    case allow
    case prefer
    case require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"

    /// Stricter modes compare greater.
    public static func < (lhs: SSLMode, rhs: SSLMode) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How Redis is deployed.
public enum RedisMode: String, Codable, Sendable, CaseIterable, JSONSchemaDescribable {
    case standalone
    case cluster
}

/// The lowest TLS version the engine accepts.
public enum TLSVersion: String, Codable, Sendable, CaseIterable, JSONSchemaDescribable, Comparable {
    case v1_2 = "1.2"
    case v1_3 = "1.3"

    public static func < (lhs: TLSVersion, rhs: TLSVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The scheduling priority of the engine's hot threads.
public enum ThreadPriority: String, Codable, Sendable, CaseIterable, JSONSchemaDescribable {
    case normal, high, realtime
}

/// Where log lines go: standard output or a file.
public enum LogOutput: Hashable, Sendable, Codable, JSONSchemaDescribable {
    case stdout
    case file(String)

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text == "stdout" {
            self = .stdout
        } else if text.hasPrefix("/") {
            self = .file(text)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is neither stdout nor an absolute file path"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .stdout: try container.encode("stdout")
        case .file(let path): try container.encode(path)
        }
    }

    /// The directory a file output writes into, if any.
    public var directory: String? {
        guard case .file(let path) = self, let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static var jsonSchema: Value {
        ["type": "string", "pattern": "^(stdout|/.+)$", "description": "stdout, or an absolute file path"]
    }

    public static var schemaExample: LogOutput { .stdout }
}
