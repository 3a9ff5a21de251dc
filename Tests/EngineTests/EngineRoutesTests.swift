import Environments
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Engine

/// Every endpoint, in process, through Hummingbird's router test framework.
@Suite struct EngineRoutesTests {
    func state(_ environment: [String: String] = [:]) throws -> EngineState {
        let settings = try EngineFixtures.settings(environment: environment)
        return EngineState(
            settings: settings, fileFingerprint: try Catalog.configs["development"]!.fingerprint(),
            board: ReadinessBoard(required: ["postgres", "redis"]), metrics: EngineMetrics())
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test func livenessAnswersWithoutDependencies() async throws {
        let engine = try state()
        try await Application(router: EngineRoutes.router(engine)).test(.router) { client in
            try await client.execute(uri: "/health/live", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body) == #"{"environment":"development","status":"alive"}"#)
            }
        }
    }

    @Test func readinessNamesEachFailingDependencyAndRecovers() async throws {
        let engine = try state()
        try await Application(router: EngineRoutes.router(engine)).test(.router) { client in
            // Nothing checked yet: not ready, both named.
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let document = try json(response.body)
                #expect(document["failing"] as? [String] == ["postgres", "redis"])
            }
            engine.board.record("postgres", .init(up: true, error: nil, milliseconds: 0.4))
            engine.board.record("redis", .init(up: false, error: "connection refused", milliseconds: 1))
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try json(response.body)
                #expect(body["failing"] as? [String] == ["redis"])
                let redis = try #require((body["dependencies"] as? [String: Any])?["redis"] as? [String: Any])
                #expect(redis["error"] as? String == "connection refused")
            }
            engine.board.record("redis", .init(up: true, error: nil, milliseconds: 0.2))
            #expect(engine.board.isReady)
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok)
                let document = try json(response.body)
                #expect(document["status"] as? String == "ready")
            }
            // SIGTERM: readiness fails at once although every dependency answers.
            engine.board.startDraining()
            #expect(!engine.board.isReady)
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let document = try json(response.body)
                #expect(document["status"] as? String == "draining")
            }
        }
    }

    @Test func debugConfigRedactsEverySecret() async throws {
        let engine = try state([
            "DATABASE_PASSWORD": "hunter2-db", "REDIS_URL": "redis://:hunter2-redis@127.0.0.1:6390/1",
            "DATABASE_URL": "postgres://trader:hunter2-url@127.0.0.1:5544/hft_trading_dev",
        ])
        try await Application(router: EngineRoutes.router(engine)).test(.router) { client in
            try await client.execute(uri: "/debug/config", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                for secret in ["hunter2-db", "hunter2-redis", "hunter2-url"] { #expect(!text.contains(secret), "\(secret) leaked") }
                let body = try json(response.body)
                let overrides = try #require(body["overrides"] as? [String: String])
                #expect(overrides["DATABASE_URL"] == "postgres://trader:[redacted]@127.0.0.1:5544/hft_trading_dev")
                #expect(overrides["REDIS_URL"] == "redis://:[redacted]@127.0.0.1:6390/1")
                // DATABASE_URL wins; the password variable is reported as ignored, its value nowhere.
                #expect(overrides["DATABASE_PASSWORD"] == nil)
                #expect(body["ignored"] as? [String] == ["DATABASE_USER", "DATABASE_PASSWORD"])
                #expect((body["database"] as? [String: Any])?["port"] as? Int == 5544)
                #expect(body["config_sha256"] as? String == (try Catalog.configs["development"]!.fingerprint()))
                #expect(((body["config"] as? [String: Any])?["environment"] as? [String: Any])?["name"] as? String == "development")
            }
        }
    }

    @Test func debugConfigIsAbsentOutsideDebugMode() async throws {
        let engine = try state(["DEBUG_MODE": "false"])
        try await Application(router: EngineRoutes.router(engine)).test(.router) { client in
            try await client.execute(uri: "/debug/config", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        // Staging has debug mode off in its config.
        let staging = try EngineFixtures.settings("staging")
        #expect(!staging.config.features.debugMode)
    }

    @Test func metricsCountRequestsByStatusAndExportTheFingerprint() async throws {
        let engine = try state()
        let service = Application(router: EngineRoutes.router(engine))
        try await service.test(.router) { client in
            for _ in 0..<3 { try await client.execute(uri: "/health/live", method: .get) }
            try await client.execute(uri: "/health/ready", method: .get)
            try await client.execute(uri: "/nope", method: .get)
        }
        let fingerprint = try Catalog.configs["development"]!.fingerprint()
        engine.metrics.recordInfo(config: engine.settings.config, fileFingerprint: fingerprint, poolSize: 10)
        try await Application(router: EngineRoutes.metricsRouter(engine.metrics)).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let lines = Set(String(buffer: response.body).split(separator: "\n").map(String.init))
                #expect(lines.contains(#"http_requests_total{method="GET",path="/health/live",status="200"} 3"#))
                #expect(lines.contains(#"http_requests_total{method="GET",path="/health/ready",status="503"} 1"#))
                #expect(lines.contains(#"http_requests_total{method="GET",path="unmatched",status="404"} 1"#))
                #expect(lines.contains(#"http_request_duration_seconds_count{method="GET",path="/health/live"} 3"#))
                #expect(lines.contains(#"engine_database_pool_max_connections 10.0"#))
                #expect(lines.contains { $0.hasPrefix("engine_info{") && $0.contains(#"config_sha256="\#(fingerprint)""#) && $0.hasSuffix(" 1.0") })
            }
        }
    }
}

/// The password variable shown redacted when it is in effect.
@Suite struct DebugConfigRedactionTests {
    @Test func passwordVariableIsRedacted() throws {
        let settings = try EngineFixtures.settings(environment: ["DATABASE_PASSWORD": "hunter2-db"])
        let text = DebugConfigView.render(settings, fingerprint: "f")
        #expect(!text.contains("hunter2-db"))
        let overrides = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])["overrides"] as? [String: String]
        #expect(overrides?["DATABASE_PASSWORD"] == "[redacted]")
        #expect(DebugConfigView.redactURLPassword("postgres://u@h/db", userAloneIsSecret: false) == "postgres://u@h/db")
        #expect(DebugConfigView.redactURLPassword("redis://pw@h", userAloneIsSecret: true) == "redis://[redacted]@h")
    }
}
