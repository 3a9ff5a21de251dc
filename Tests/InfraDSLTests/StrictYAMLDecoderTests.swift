import Testing
@testable import InfraDSL

@Suite struct StrictYAMLDecoderTests {
    struct Settings: Codable, Equatable {
        struct Pool: Codable, Equatable {
            var size: Int
            var port: Port
        }
        var name: String
        var pool: Pool
        var tags: [String]?
    }

    private func decodingFailure(_ yaml: String) -> StrictYAMLDecoder.Failure? {
        do {
            _ = try StrictYAMLDecoder().decode(Settings.self, from: yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesAValidDocument() throws {
        let settings = try StrictYAMLDecoder().decode(Settings.self, from: "name: a\npool:\n  size: 3\n  port: 5432\n")
        #expect(settings == Settings(name: "a", pool: .init(size: 3, port: 5432), tags: nil))
    }

    @Test func unknownFieldNamesItsLineAndPath() throws {
        let failure = try #require(decodingFailure("name: a\npool:\n  size: 3\n  port: 5432\n  sise: 4\n"))
        #expect(failure.field == "pool.sise")
        #expect(failure.line == 5)
        #expect(failure.message == "unknown field")
    }

    @Test func wrongTypeNamesItsLineAndPath() throws {
        let failure = try #require(decodingFailure("name: a\npool:\n  size: many\n  port: 5432\n"))
        #expect(failure.field == "pool.size")
        #expect(failure.line == 3)
    }

    @Test func outOfRangeValueNamesItsField() throws {
        let failure = try #require(decodingFailure("name: a\npool:\n  size: 1\n  port: 70000\n"))
        #expect(failure.field == "pool.port")
        #expect(failure.line == 4)
        #expect(failure.message.contains("outside 1...65535"))
    }

    @Test func missingFieldAndMalformedYAML() throws {
        #expect(decodingFailure("name: a\n")?.field == "pool")
        let malformed = try #require(decodingFailure("name: a\npool: [\n"))
        #expect(malformed.message.hasPrefix("malformed YAML"))
        #expect(malformed.line != nil)
        #expect(decodingFailure("")?.message == "the document is empty")
    }
}
