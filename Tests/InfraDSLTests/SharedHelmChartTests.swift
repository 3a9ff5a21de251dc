@testable import InfraDSL
import Testing

/// One chart from two environments' objects: what agrees stays literal, names are written from the
/// environment's values, everything else becomes each environment's choice. (That Helm renders each
/// environment's manifests back from the real chart is proven with Helm in the environments' tests.)
@Suite struct SharedHelmChartTests {
    static func configMap(_ environment: String, tier: String, size: String, extra: Bool) -> HelmChart.Template {
        var data: [(String, Value)] = [
            ("queue", .string("shop-\(environment)-orders")), ("size", .string(size)), ("mode", "same"), ("owner", .string("shop-\(environment)@\(tier)")),
        ]
        if extra { data.append(("extra", "only here")) }
        let document: Value = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": "settings", "namespace": .string("shop-\(environment)"), "labels": ["env": .string(environment), "tier": .string(tier)]],
            "data": .object(Fields(data)),
        ]
        return HelmChart.Template(fileName: "configmap-settings.yaml", document: document, parameters: [])
    }

    static func service(tier: String, ports: [Int]) -> HelmChart.Template {
        let document: Value = [
            "apiVersion": "v1", "kind": "Service", "metadata": ["name": .string("db-\(tier)")],
            "spec": ["ports": .array(ports.map { ["port": .int($0)] })],
        ]
        return HelmChart.Template(fileName: "service-db-\(tier).yaml", document: document, parameters: [])
    }

    static func variant(_ name: String, tier: String, _ templates: [HelmChart.Template]) -> SharedHelmChart.Variant {
        SharedHelmChart.Variant(
            environment: name, values: ["env": ["name": .string(name), "tier": .string(tier)]],
            substitutions: [
                .init("shop-\(name)", ".Release.Namespace", placeholder: "namespace"),
                .init(name, ".Values.env.name", placeholder: "environment"),
                .init(tier, ".Values.env.tier", placeholder: "tier"),
            ],
            templates: templates)
    }

    static let role = HelmChart.Template(
        fileName: "role-admin.yaml", document: ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "admin"]], parameters: [])

    static func shared() throws -> SharedHelmChart.Result {
        try SharedHelmChart.make(
            name: "shop", version: "1.0.0", description: "test", typedSchema: ["type": "object", "properties": ["env": ["type": "object"]], "required": ["env"]],
            environments: [
                variant("blue", tier: "test", [configMap("blue", tier: "test", size: "1", extra: false), service(tier: "test", ports: [5432])]),
                variant("green", tier: "live", [configMap("green", tier: "live", size: "3", extra: true), service(tier: "live", ports: [5432, 5433]), role]),
            ])
    }

    static func file(_ name: String) throws -> String {
        try #require(try shared().chart.files().first { $0.path == "templates/\(name)" }?.contents)
    }

    @Test func objectsAreMatchedAcrossEnvironmentsByNameWithTheEnvironmentsWordsReplaced() throws {
        let names = try Self.shared().chart.templates.map(\.fileName)
        #expect(names == ["configmap-settings.yaml", "service-db-tier.yaml", "role-admin.yaml"])
    }

    @Test func agreementStaysLiteralAndNamesAreWrittenFromTheValues() throws {
        let text = try Self.file("configmap-settings.yaml")
        #expect(text.contains("  namespace: {{ .Release.Namespace | quote }}\n"))
        #expect(text.contains("    env: {{ .Values.env.name | quote }}\n"))
        #expect(text.contains("    tier: {{ .Values.env.tier | quote }}\n"))
        #expect(text.contains(#"  queue: {{ printf "%s-orders" .Release.Namespace | quote }}"# + "\n"))
        #expect(text.contains("  mode: same\n"))
        // Two substitutions in one string: each written from its value.
        #expect(text.contains(#"  owner: {{ printf "%s@%s" .Release.Namespace .Values.env.tier | quote }}"# + "\n"))
        #expect(text.contains(#"  size: {{ (index .Values.objects "configmap-settings" "/data/size") | toJson }}"# + "\n"))
    }

    @Test func aFieldOnlySomeEnvironmentsHaveIsWrittenOnlyWhereItIsChosen() throws {
        let text = try Self.file("configmap-settings.yaml")
        #expect(text.contains(#"""
            {{- if hasKey (index .Values.objects "configmap-settings") "/data/extra" }}
              extra: {{ (index .Values.objects "configmap-settings" "/data/extra") | toJson }}
            {{- end }}
            """#))
        let values = try Self.shared().values
        #expect(values[0].values == ["env": ["name": "blue", "tier": "test"], "objects": [
            "configmap-settings": ["/data/size": "1"],
            "role-admin": ["enabled": false],
            "service-db-tier": ["/spec/ports": [["port": 5432]]],
        ]])
        #expect(values[1].values == ["env": ["name": "green", "tier": "live"], "objects": [
            "configmap-settings": ["/data/size": "3", "/data/extra": "only here"],
            "role-admin": ["enabled": true],
            "service-db-tier": ["/spec/ports": [["port": 5432], ["port": 5433]]],
        ]])
    }

    @Test func anObjectOnlySomeEnvironmentsHaveIsConditional() throws {
        let text = try Self.file("role-admin.yaml")
        #expect(text.hasPrefix(#"{{- if (index .Values.objects "role-admin" "enabled") }}"# + "\n"))
        #expect(text.hasSuffix("{{- end }}\n"))
        #expect(try Self.file("service-db-tier.yaml").contains(#"  name: {{ printf "db-%s" .Values.env.tier | quote }}"#))
    }

    @Test func theSchemaRequiresEveryChoiceAnEnvironmentMustMake() throws {
        let schema = try Self.shared().chart.schema
        guard case .object(let top) = schema, case .object(let properties)? = top["properties"], let objects = properties["objects"] else {
            Issue.record("no objects schema: \(schema)")
            return
        }
        #expect(top["required"] == ["env", "objects"])
        guard case .object(let fields) = objects, case .object(let templates)? = fields["properties"] else { return }
        #expect(fields["required"] == ["configmap-settings", "role-admin", "service-db-tier"])
        #expect(fields["additionalProperties"] == false)
        // The size is required everywhere; the extra field is a choice to leave out.
        guard case .object(let settings)? = templates["configmap-settings"] else { return }
        #expect(settings["required"] == ["/data/size"])
        #expect(settings["properties"] == ["/data/size": ["type": "string"], "/data/extra": ["type": "string"]])
        guard case .object(let role)? = templates["role-admin"] else { return }
        #expect(role["required"] == ["enabled"])
    }

    /// `db-test` in blue and a literal `db-tier` in green would both be `service-db-tier.yaml`:
    /// refused, not one written over the other.
    @Test func twoObjectsThatWouldShareATemplateFileAreRefused() throws {
        let clash = HelmChart.Template(
            fileName: "service-db-tier.yaml", document: ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "db-tier"]], parameters: [])
        let error = try #require(throws: HelmChartError.self) {
            try SharedHelmChart.make(
                name: "shop", version: "1.0.0", description: "test", typedSchema: ["type": "object"],
                environments: [
                    Self.variant("blue", tier: "test", [Self.service(tier: "test", ports: [5432])]),
                    Self.variant("green", tier: "live", [Self.service(tier: "live", ports: [5432]), clash]),
                ])
        }
        #expect(error.message == "two objects would both be templates/service-db-tier.yaml; rename one of them")
    }

    @Test func aSubstitutionReplacesWholeSegmentsOnly() {
        #expect("postgres-prod-0".replacingSegments("prod", with: "X") == "postgres-X-0")
        #expect("production".replacingSegments("prod", with: "X") == "production")
        #expect("prod/prod.prod".replacingSegments("prod", with: "X") == "X/X.X")
        #expect("reprod-prod".replacingSegments("prod", with: "X") == "reprod-X")
    }
}
