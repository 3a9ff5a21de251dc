import CustomResourceFixtures
import CustomResources
import Foundation
@testable import InfraDSL
import KubernetesAPI
import KubernetesCodegen
import Testing
import TestSupport
import Yams

/// The CRD importer: every served version of every CRD becomes typed Swift that reads and writes every
/// field, and what it writes is valid under the CRD's own schema.
@Suite struct CustomResourceTests {
    /// Every CRD document of the repository's CRD files and the importer's test fixture.
    nonisolated(unsafe) static let crds: [[String: Any]] = {
        let root = TestSupport.packageRoot
        var documents: [[String: Any]] = []
        for directory in ["codegen/crds", "Tests/Fixtures/crds"] {
            let url = root.appendingPathComponent(directory)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? [] where file.hasSuffix(".yaml") {
                let text = try! String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                documents += try! Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
            }
        }
        return documents
    }()

    static let allKinds: [any KubernetesObject.Type] = CustomResourceKinds.all + FixtureKinds.all

    /// The `openAPIV3Schema` of a kind's version.
    static func schema(of type: any KubernetesObject.Type) -> [String: Any] {
        let parts = type.apiVersion.split(separator: "/").map(String.init)
        for crd in crds {
            let spec = crd["spec"] as! [String: Any]
            guard spec["group"] as? String == parts[0], (spec["names"] as! [String: Any])["kind"] as? String == type.kind else { continue }
            for version in spec["versions"] as! [[String: Any]] where version["name"] as? String == parts[1] {
                return (version["schema"] as! [String: Any])["openAPIV3Schema"] as! [String: Any]
            }
        }
        fatalError("no CRD for \(type.apiVersion) \(type.kind)")
    }

    static func maximal(_ type: any KubernetesObject.Type) -> [String: Any] {
        var object = MaximalObject().value(schema(of: type)) as! [String: Any]
        object["apiVersion"] = type.apiVersion
        object["kind"] = type.kind
        object["metadata"] = ["name": "sample", "namespace": "markets", "labels": ["app": "sample"]]
        return object
    }

    static func decode<T: KubernetesObject>(_ type: T.Type, _ text: String) throws -> T {
        try StrictYAMLDecoder().decodeGenerated(type, from: text)
    }

    @Test("every served version of every CRD is imported, and no other")
    func servedVersionsAreImported() {
        let names = Set(Self.allKinds.map { "\($0.apiVersion) \($0.kind)" })
        #expect(names == [
            "external-secrets.io/v1beta1 ExternalSecret", "external-secrets.io/v1beta1 SecretStore",
            "external-secrets.io/v1beta1 ClusterSecretStore", "monitoring.coreos.com/v1 PrometheusRule",
            "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PodMonitor",
            "monitoring.coreos.com/v1alpha1 AlertmanagerConfig", "markets.example.com/v1 TradingVenue",
            "markets.example.com/v1beta1 TradingVenue",
        ])
        #expect(ExternalSecretsV1beta1.ClusterSecretStore.isNamespaced == false)
        #expect(ExternalSecretsV1beta1.SecretStore.isNamespaced == true)
    }

    @Test("a maximal object of every imported kind reads, renders and reads again unchanged", arguments: allKinds.map(KindName.init))
    func maximalObjectRoundTrips(_ kind: KindName) throws {
        var input = Self.maximal(kind.type)
        // Free-form values keep strings that look like other scalars.
        if kind.type == MarketsV1.TradingVenue.self {
            var spec = input["spec"] as! [String: Any]
            spec["extensions"] = ["flags": ["yes", "3", true, 7, 1.25, ["nested": ["deeper": "on"]]]]
            input["spec"] = spec
        }
        let decoded = try Self.decode(kind.type, GeneratedAPITests.node(input))
        let document = Value(generated: decoded)
        let rendered = PlainJSON.from(document)
        #expect(PlainJSON.difference(input, rendered) == nil, "\(PlainJSON.difference(input, rendered) ?? "")")
        let again = try Self.decode(kind.type, GeneratedAPITests.node(rendered as! [String: Any]))
        let same = sameObject(again, decoded)
        #expect(same, "reading the rendered object gives another value")
    }

    @Test("an unknown field in an imported kind is rejected with its path", arguments: allKinds.map(KindName.init))
    func unknownFieldIsRejected(_ kind: KindName) throws {
        var input = Self.maximal(kind.type)
        var spec = input["spec"] as! [String: Any]
        spec["bogusField"] = 1
        input["spec"] = spec
        do {
            _ = try Self.decode(kind.type, GeneratedAPITests.node(input))
            Issue.record("\(kind) accepted spec.bogusField")
        } catch let failure as StrictYAMLDecoder.Failure {
            #expect(failure.field == "spec.bogusField" && failure.message == "unknown field", "\(failure)")
        }
    }

    /// A venue with every field whose JSON name is not a Swift identifier set.
    static let awkwardlyNamedVenue: MarketsV1.TradingVenue = {
        var spec = MarketsV1.TradingVenue.Spec(
            connectivity: .init(primary: .init(host: "fix.venue.example", port: 9878)), mic: "XLON")
        spec.ref = "r"
        spec._3dReplicas = 3
        spec.selfValue = "s"
        spec.default = true
        spec.protocol = .binaryV2
        spec.xVenueCode = "L"
        spec.maxOrderRate = "500/s"
        return MarketsV1.TradingVenue(metadata: MetaV1.ObjectMeta(name: "lse"), spec: spec)
    }()

    @Test("names that are not Swift identifiers keep their JSON names")
    func awkwardNamesKeepTheirJSONNames() throws {
        let venue = Self.awkwardlyNamedVenue
        let rendered = PlainJSON.from(Value(generated: venue)) as! [String: Any]
        let renderedSpec = rendered["spec"] as! [String: Any]
        #expect(Set(renderedSpec.keys) == ["$ref", "3dReplicas", "self", "default", "protocol", "x-venue-code", "maxOrderRate", "connectivity", "mic"])
        #expect(renderedSpec["protocol"] as? String == "binary-v2")
        #expect(renderedSpec["maxOrderRate"] as? String == "500/s")
        #expect(rendered["apiVersion"] as? String == "markets.example.com/v1" && rendered["kind"] as? String == "TradingVenue")
    }

    /// Field names that are not plain keys (`$ref`, `3dReplicas`, `x-venue-code`) go through the
    /// writer's check, which quotes the first two; the rest are written as they are. Either way,
    /// the text is libyaml's.
    @Test("the YAML writer writes awkward field names as libyaml does")
    func awkwardNamesAreWrittenAsLibyamlWritesThem() throws {
        let venue: any Resource = APIObject(Self.awkwardlyNamedVenue)
        let written = try #require(BlockYAMLWriter.render(venue))
        #expect(written == (try YAMLRenderer.renderWithLibyaml(EnvironmentResolver.document(for: venue))))
        // Written plain, these two would read back as other keys or not at all.
        #expect(written.contains("\n  \"$ref\": r\n") && written.contains("\n  \"3dReplicas\": 3\n"), "\(written)")
    }

    @Test("the importer names the file when a CRD cannot be read")
    func importerErrorsNameTheFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notCRD = directory.appendingPathComponent("service.yaml")
        try "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n".write(to: notCRD, atomically: true, encoding: .utf8)
        let incomplete = directory.appendingPathComponent("incomplete.yaml")
        try "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: {group: a.example.com}\n".write(to: incomplete, atomically: true, encoding: .utf8)
        let missing = directory.appendingPathComponent("missing.yaml")
        for (file, message) in [
            (notCRD, "no CustomResourceDefinition in the file"), (incomplete, "needs spec.group, spec.names.kind and spec.versions"),
            (missing, "no such file"),
        ] {
            do {
                _ = try Codegen.customResources(crdFiles: [file.path])
                Issue.record("\(file.lastPathComponent) was imported")
            } catch {
                #expect("\(error)".hasPrefix(file.path) && "\(error)".contains(message), "\(error)")
            }
        }
    }
}

/// What an imported kind writes is valid under its CRD's schema, checked by check-jsonschema.
@Suite struct CustomResourceSchemaValidationTests {
    /// The CRD schema as the API server applies it: a field an object schema does not list is
    /// rejected (strict field validation) unless the schema keeps unknown fields.
    static func strict(_ schema: Any) -> Any {
        guard var object = schema as? [String: Any] else {
            return (schema as? [Any])?.map(strict) ?? schema
        }
        for (key, value) in object { object[key] = strict(value) }
        if object["properties"] != nil, object["additionalProperties"] == nil,
           object["x-kubernetes-preserve-unknown-fields"] as? Bool != true
        {
            object["additionalProperties"] = false
        }
        return object
    }

    static func samples() throws -> [DocumentTree] {
        let file = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/crd-samples/samples.yaml")
        let (documents, failure) = YAMLDocuments.parse(try String(contentsOf: file, encoding: .utf8))
        if let failure { throw failure }
        return documents
    }

    private func open<T: KubernetesObject>(_ type: T.Type, _ document: DocumentTree) throws -> Value {
        Value(generated: try StrictYAMLDecoder().decodeGenerated(type, from: document))
    }

    /// Runs check-jsonschema on `object` against the kind's strict schema; its exit status.
    private func validate(_ object: Value, as type: any KubernetesObject.Type, in directory: URL, name: String) throws -> TestSupport.ProcessResult {
        var schema = Self.strict(CustomResourceTests.schema(of: type)) as! [String: Any]
        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
        let schemaFile = directory.appendingPathComponent("\(name).schema.json")
        try JSONSerialization.data(withJSONObject: schema, options: [.sortedKeys]).write(to: schemaFile)
        let objectFile = directory.appendingPathComponent("\(name).json")
        try Data(JSONRenderer.render(object).utf8).write(to: objectFile)
        let checker = (TestSupport.python as NSString).deletingLastPathComponent + "/check-jsonschema"
        return try TestSupport.shell("'\(checker)' --schemafile '\(schemaFile.path)' '\(objectFile.path)'")
    }

    @Test func oneObjectOfEachImportedKindValidatesAgainstItsCRD() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var validated: Set<String> = []
        for document in try Self.samples() {
            func text(_ key: String) -> String { document.value(of: 0, forKey: key).map { document.nodes[$0].text } ?? "" }
            let kind = text("kind"), apiVersion = text("apiVersion")
            guard let type = KindLookup(CustomResourceKinds.all).type(apiVersion: apiVersion, kind: kind) else {
                Issue.record("no imported kind \(apiVersion) \(kind)")
                continue
            }
            let result = try validate(try open(type, document), as: type, in: directory, name: kind)
            #expect(result.status == 0, "\(kind): \(result.output) \(result.error)")
            validated.insert(kind)
        }
        #expect(validated == Set(CustomResourceKinds.all.map { $0.kind }))
    }

    @Test func theStrictSchemaRejectsAMisspeltFieldAndABadEnumValue() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = try Self.samples()[0]
        guard case .object(var object) = try open(ExternalSecretsV1beta1.ExternalSecret.self, sample),
              case .object(var spec)? = object["spec"]
        else { Issue.record("sample is not an object"); return }
        spec.set("refreshIntervall", "1h")
        object.set("spec", .object(spec))
        let misspelt = try validate(.object(object), as: ExternalSecretsV1beta1.ExternalSecret.self, in: directory, name: "misspelt")
        #expect(misspelt.status != 0 && "\(misspelt.output)\(misspelt.error)".contains("refreshIntervall"))

        var store = ExternalSecretsV1beta1.SecretStore(spec: .init(provider: .init(aws: .init(region: "us-east-1", service: .unknown("KeyVault")))))
        store.metadata = MetaV1.ObjectMeta(name: "store")
        let badEnum = try validate(Value(generated: store), as: ExternalSecretsV1beta1.SecretStore.self, in: directory, name: "enum")
        #expect(badEnum.status != 0 && "\(badEnum.output)\(badEnum.error)".contains("KeyVault"))
    }
}
