import Foundation
import InfraDSL
import KubernetesAPI
import TestSupport

/// Builds the largest object a schema allows: every property, recursively, with a valid value of its
/// type (the first listed value of an enumeration). Works on the Kubernetes API's definitions
/// (`$ref`s into `$defs`) and on a CRD's inline `openAPIV3Schema` alike.
struct MaximalObject {
    /// Definitions by name, for `$ref`.
    var definitions: [String: [String: Any]] = [:]
    /// `definition.property` → the value to use, for string enumerations the schema does not list.
    var enumerationValues: [String: String] = [:]

    func value(_ schema: [String: Any], at field: String = "") -> Any {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last!)
            switch name {
            case "io.k8s.apimachinery.pkg.api.resource.Quantity": return "250m"
            case "io.k8s.apimachinery.pkg.util.intstr.IntOrString": return "25%"
            case "io.k8s.apimachinery.pkg.apis.meta.v1.Time", "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": return "2026-01-02T03:04:05Z"
            case "io.k8s.apimachinery.pkg.runtime.RawExtension", "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": return ["free": ["form", 1]]
            default: return object(definitions[name]!, definition: name)
            }
        }
        if schema["x-kubernetes-int-or-string"] as? Bool == true { return 8080 }
        if schema["x-kubernetes-preserve-unknown-fields"] as? Bool == true { return ["free": ["form", 1, true]] }
        if schema["type"] == nil, let alternatives = schema["anyOf"] as? [[String: Any]] ?? schema["oneOf"] as? [[String: Any]] {
            return value(alternatives[0], at: field)
        }
        if let values = schema["enum"] as? [Any], let first = values.first { return first }
        switch Self.type(of: schema) {
        case "string": return enumerationValues[field] ?? "text"
        case "integer": return 3
        case "number": return 1.5
        case "boolean": return true
        case "array": return [value(schema["items"] as? [String: Any] ?? [:], at: field)]
        case "object":
            if schema["properties"] != nil { return object(schema, definition: field) }
            if let values = schema["additionalProperties"] as? [String: Any] { return ["some-key": value(values, at: field + "{}")] }
            return ["some-key": "some-value"]
        default:
            return ["free": "form"]
        }
    }

    private func object(_ schema: [String: Any], definition: String) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, child) in schema["properties"] as? [String: [String: Any]] ?? [:] {
            result[key] = value(child, at: "\(definition).\(key)")
        }
        return result
    }

    static func type(of schema: [String: Any]) -> String? {
        if let type = schema["type"] as? String { return type }
        return (schema["type"] as? [String])?.first { $0 != "null" }
    }

    /// The schema definitions that the pinned `kubernetes-validate` ships in `.venv`.
    static func kubernetesDefinitions() throws -> [String: [String: Any]] {
        let lib = TestSupport.packageRoot.appendingPathComponent(".venv/lib")
        let python = try FileManager.default.contentsOfDirectory(atPath: lib.path).first { $0.hasPrefix("python") }!
        let file = lib.appendingPathComponent("\(python)/site-packages/kubernetes_validate/kubernetes-json-schema/v1.32.0-local-strict/_definitions.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        return root["$defs"] as! [String: [String: Any]]
    }
}

/// Plain JSON-like values, for comparing what was read with what is rendered.
enum PlainJSON {
    static func from(_ value: Value) -> Any {
        switch value {
        case .string(let text): text
        case .int(let number): number
        case .double(let number): number
        case .bool(let flag): flag
        case .array(let items): items.map(from)
        case .object(let fields): Dictionary(fields.map { ($0.key, from($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Deep equality; `path` of the first difference, or nil when equal.
    static func difference(_ lhs: Any, _ rhs: Any, path: String = "") -> String? {
        switch (lhs, rhs) {
        case (let left as [String: Any], let right as [String: Any]):
            for key in Set(left.keys).union(right.keys).sorted() {
                guard let l = left[key], let r = right[key] else { return "\(path).\(key): present on one side only" }
                if let found = difference(l, r, path: "\(path).\(key)") { return found }
            }
            return nil
        case (let left as [Any], let right as [Any]):
            guard left.count == right.count else { return "\(path): \(left.count) items against \(right.count)" }
            for (index, pair) in zip(left, right).enumerated() {
                if let found = difference(pair.0, pair.1, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case (let left as Bool, let right as Bool): return left == right ? nil : "\(path): \(left) != \(right)"
        case (let left as Int, let right as Int): return left == right ? nil : "\(path): \(left) != \(right)"
        case (let left as Double, let right as Double): return left == right ? nil : "\(path): \(left) != \(right)"
        case (let left as String, let right as String): return left == right ? nil : "\(path): \(left) != \(right)"
        default: return "\(path): \(lhs) (\(type(of: lhs))) != \(rhs) (\(type(of: rhs)))"
        }
    }
}

/// Whether two objects of possibly different kinds are the same value (generated types are
/// `Equatable`, not `Hashable`, so `AnyHashable` cannot compare them).
func sameObject<Object: KubernetesObject>(_ object: Object, _ other: any KubernetesObject) -> Bool {
    (other as? Object) == object
}
