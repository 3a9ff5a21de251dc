import Foundation
import InfraDSL
import KubernetesAPI
import Testing
import TestSupport
import Yams

/// The generated Kubernetes API reads and writes every field of every generated kind.
@Suite struct GeneratedAPITests {
    nonisolated(unsafe) static let definitions = try! MaximalObject.kubernetesDefinitions()

    /// The first listed value of each configured enumeration, by field.
    static let enumerationValues: [String: String] = {
        let url = TestSupport.packageRoot.appendingPathComponent("codegen/kubernetes-api.json")
        let configuration = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var values: [String: String] = [:]
        for enumeration in configuration["enumerations"] as! [[String: Any]] {
            for field in enumeration["fields"] as! [String] { values[field] = (enumeration["values"] as! [String])[0] }
        }
        return values
    }()

    /// The definition name of a generated kind (`io.k8s.api.apps.v1.Deployment`).
    static func definitionName(of type: any KubernetesObject.Type) -> String {
        definitions.first { _, schema in
            (schema["x-kubernetes-group-version-kind"] as? [[String: Any]])?.contains { gvk in
                let group = gvk["group"] as? String ?? ""
                let version = gvk["version"] as! String
                return gvk["kind"] as? String == type.kind && (group.isEmpty ? version : "\(group)/\(version)") == type.apiVersion
            } ?? false
        }!.key
    }

    static func maximal(_ type: any KubernetesObject.Type) -> [String: Any] {
        let builder = MaximalObject(definitions: definitions, enumerationValues: enumerationValues)
        return builder.value(["$ref": "#/$defs/\(definitionName(of: type))"]) as! [String: Any]
    }

    /// The object as JSON text (JSON is YAML).
    static func node(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func decode<T: KubernetesObject>(_ type: T.Type, _ text: String) throws -> T {
        try StrictYAMLDecoder().decodeGenerated(type, from: text)
    }

    @Test("the declared kinds are all generated")
    func declaredKindsAreGenerated() {
        let names = Set(GeneratedKinds.all.map { "\($0.apiVersion) \($0.kind)" })
        for expected in [
            "apps/v1 Deployment", "apps/v1 StatefulSet", "apps/v1 DaemonSet", "batch/v1 Job", "batch/v1 CronJob",
            "v1 Service", "v1 ConfigMap", "v1 Secret", "v1 Namespace", "v1 ResourceQuota", "v1 ServiceAccount",
            "v1 PersistentVolumeClaim", "v1 LimitRange", "networking.k8s.io/v1 NetworkPolicy", "networking.k8s.io/v1 Ingress",
            "policy/v1 PodDisruptionBudget", "autoscaling/v2 HorizontalPodAutoscaler", "scheduling.k8s.io/v1 PriorityClass",
            "rbac.authorization.k8s.io/v1 Role", "rbac.authorization.k8s.io/v1 RoleBinding",
            "rbac.authorization.k8s.io/v1 ClusterRole", "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
        ] {
            #expect(names.contains(expected), "\(expected) is not generated")
        }
    }

    @Test("a maximal object of every kind reads, renders and reads again unchanged", arguments: GeneratedKinds.all.map(KindName.init))
    func maximalObjectRoundTrips(_ kind: KindName) throws {
        let input = Self.maximal(kind.type)
        let decoded = try Self.decode(kind.type, Self.node(input))
        let document = Value(generated: decoded)
        let rendered = PlainJSON.from(document)
        #expect(PlainJSON.difference(input, rendered) == nil, "\(PlainJSON.difference(input, rendered) ?? "")")
        let again = try Self.decode(kind.type, Self.node(rendered as! [String: Any]))
        let same = sameObject(again, decoded)
        #expect(same, "reading the rendered object gives another value")
    }

    @Test("an unknown field anywhere is rejected with its path", arguments: GeneratedKinds.all.map(KindName.init))
    func unknownFieldIsRejected(_ kind: KindName) throws {
        var input = Self.maximal(kind.type)
        var metadata = input["metadata"] as! [String: Any]
        metadata["labelz"] = ["a": "b"]
        input["metadata"] = metadata
        do {
            _ = try Self.decode(kind.type, Self.node(input))
            Issue.record("\(kind) accepted metadata.labelz")
        } catch let failure as StrictYAMLDecoder.Failure {
            #expect(failure.field == "metadata.labelz" && failure.message == "unknown field", "\(failure)")
        }
    }

    @Test("a wrong type names the field, the line and the type expected")
    func wrongTypeIsReported() throws {
        let yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: three
              selector:
                matchLabels: {app: web}
              template:
                spec:
                  containers:
                  - name: web
                    ports:
                    - containerPort: grpc
            """
        #expect(throws: StrictYAMLDecoder.Failure.self) { try StrictYAMLDecoder().decodeGenerated(AppsV1.Deployment.self, from: yaml) }
        do {
            _ = try StrictYAMLDecoder().decodeGenerated(AppsV1.Deployment.self, from: yaml)
        } catch {
            #expect(error.description == "line 6: spec.replicas: expected integer, found \"three\"")
        }
        let fixed = yaml.replacingOccurrences(of: "replicas: three", with: "replicas: 3")
        do {
            _ = try StrictYAMLDecoder().decodeGenerated(AppsV1.Deployment.self, from: fixed)
            Issue.record("containerPort: grpc was accepted")
        } catch {
            #expect(error.description == "line 14: spec.template.spec.containers.0.ports.0.containerPort: expected integer, found \"grpc\"")
        }
    }

    @Test("a missing required field is reported")
    func missingRequiredField() {
        let yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template: {}\n"
        #expect(throws: StrictYAMLDecoder.Failure.self) { try StrictYAMLDecoder().decodeGenerated(AppsV1.Deployment.self, from: yaml) }
        do {
            _ = try StrictYAMLDecoder().decodeGenerated(AppsV1.Deployment.self, from: yaml)
        } catch {
            #expect(error.field == "spec.selector" && error.message == "missing required field", "\(error)")
        }
    }

    @Test("enumerations keep unlisted values, which are reported as unlisted")
    func openEnumerations() throws {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: Loadbalancer\n  ports: [{port: 80, protocol: TCP}]\n"
        let service = try StrictYAMLDecoder().decodeGenerated(CoreV1.Service.self, from: yaml)
        #expect(service.spec?.type == .unknown("Loadbalancer"))
        #expect(service.spec?.type?.isListed == false)
        #expect(service.spec?.ports?.first?.protocol == .tcp)
        let rendered = PlainJSON.from(Value(generated: service)) as! [String: Any]
        #expect((rendered["spec"] as! [String: Any])["type"] as? String == "Loadbalancer")
    }

    @Test("maps render sorted, whatever order they were written in")
    func mapsRenderSorted() throws {
        var meta = MetaV1.ObjectMeta(name: "web")
        meta.labels = ["zeta": "1", "alpha": "2", "mid": "3"]
        meta.labels?["beta"] = "4"
        meta.labels?["mid"] = nil
        let value = Value(generated: meta)
        guard case .object(let fields) = value, case .object(let labels)? = fields["labels"] else {
            Issue.record("no labels in \(value)")
            return
        }
        #expect(labels.entries.map(\.key) == ["alpha", "beta", "zeta"])
    }

    @Test("quantities keep their text and know the grammar")
    func quantities() {
        for good in ["250m", "2", "1.5", "4Gi", "100M", "1e3", "+1", "0.5Ki"] { #expect(Quantity(good).isWellFormed, "\(good)") }
        for bad in ["4 Gi", "", "Gi", "1.2.3", "5Gb", "1e", "--1"] { #expect(!Quantity(bad).isWellFormed, "\(bad)") }
    }
}

/// A generated kind as a test argument, named for the test report.
struct KindName: CustomTestStringConvertible, Sendable {
    let type: any KubernetesObject.Type
    var testDescription: String { "\(type.apiVersion) \(type.kind)" }
}
