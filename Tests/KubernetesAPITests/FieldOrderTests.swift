import Foundation
import KubernetesCodegen
import Testing

/// The configured field order is kept, and a field the schema lacks is refused.
@Suite struct FieldOrderTests {
    /// A schema with one kind whose properties are listed alphabetically, as the published schema's are.
    static let schema = Data("""
    {"$defs": {"io.example.v1.Widget": {
      "type": "object",
      "x-kubernetes-group-version-kind": [{"group": "example.io", "version": "v1", "kind": "Widget"}],
      "properties": {"alpha": {"type": "string"}, "apiVersion": {"type": "string"}, "kind": {"type": "string"},
                     "omega": {"type": "integer"}, "zulu": {"type": "boolean"}}
    }}}
    """.utf8)

    static func configuration(leading: [String]) throws -> APIConfiguration {
        let json: [String: Any] = [
            "kubernetesVersion": "1.32", "kinds": ["io.example.v1.Widget"], "clusterScoped": [], "secretKinds": [],
            "enumerations": [], "leadingFields": ["io.example.v1.Widget": leading],
        ]
        return try JSONDecoder().decode(APIConfiguration.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func configuredFieldsComeFirstAndTheRestAlphabetically() throws {
        let translator = try KubernetesSchemaTranslator(definitionsJSON: Self.schema, configuration: try Self.configuration(leading: ["apiVersion", "kind", "zulu"]))
        let widget = try #require(try translator.translate().flatMap(\.structs).first { $0.name == "Widget" })
        #expect(widget.properties.map(\.jsonName) == ["apiVersion", "kind", "zulu", "alpha", "omega"])
    }

    @Test func aMisspeltFieldFailsTheGenerator() throws {
        let translator = try KubernetesSchemaTranslator(definitionsJSON: Self.schema, configuration: try Self.configuration(leading: ["zulu", "omgea"]))
        #expect { try translator.translate() } throws: { "\($0)".contains("io.example.v1.Widget") && "\($0)".contains("omgea") }
    }
}
