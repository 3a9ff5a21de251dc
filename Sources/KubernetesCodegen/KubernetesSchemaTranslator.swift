import Foundation

/// Translates the Kubernetes API's JSON schema definitions (`_definitions.json`, one `$defs` entry
/// per Go type) into declarations: the declared kinds and every definition they reference.
public struct KubernetesSchemaTranslator {
    /// A definition the schema has, but nothing we generate can express.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let definitions: [String: [String: Any]]
    private let configuration: APIConfiguration
    private var enumByField: [String: String] = [:]

    /// Definitions that map to a support type rather than a generated struct.
    private static let special: [String: TypeReference] = [
        "io.k8s.apimachinery.pkg.api.resource.Quantity": .quantity,
        "io.k8s.apimachinery.pkg.util.intstr.IntOrString": .intOrString,
        "io.k8s.apimachinery.pkg.apis.meta.v1.Time": .string,
        "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": .string,
        "io.k8s.apimachinery.pkg.runtime.RawExtension": .json,
        "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": .json,
        "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON": .json,
    ]

    /// A translator over the schema's definitions (the contents of `_definitions.json`).
    public init(definitionsJSON: Data, configuration: APIConfiguration) throws {
        let root = try JSONSerialization.jsonObject(with: definitionsJSON) as? [String: Any]
        guard let definitions = root?["$defs"] as? [String: [String: Any]] else {
            throw Failure(description: "the schema has no `$defs` object")
        }
        self.definitions = definitions
        self.configuration = configuration
        for enumeration in configuration.enumerations {
            for field in enumeration.fields { enumByField[field] = enumeration.name }
        }
    }

    /// The namespaces of every declared kind and its closure, sorted by name.
    public func translate() throws -> [NamespaceDeclaration] {
        var pending = configuration.kinds
        var seen = Set(pending)
        var structs: [String: StructDeclaration] = [:]
        while let name = pending.popLast() {
            guard let definition = definitions[name] else { throw Failure(description: "no definition \(name)") }
            let declaration = try translateDefinition(name, definition)
            structs[name] = declaration
            for reference in references(of: definition, of: name) where !seen.contains(reference) && Self.special[reference] == nil {
                seen.insert(reference)
                pending.append(reference)
            }
        }
        try checkEnumerationFields(generated: Set(structs.keys))
        var namespaces: [String: NamespaceDeclaration] = [:]
        for (definitionName, declaration) in structs {
            let (namespace, groupVersion) = Self.namespace(of: definitionName)
            namespaces[namespace, default: NamespaceDeclaration(name: namespace, groupVersion: groupVersion)].structs.append(declaration)
        }
        for enumeration in configuration.enumerations {
            let parts = enumeration.name.split(separator: ".").map(String.init)
            guard parts.count == 2, var namespace = namespaces[parts[0]] else {
                throw Failure(description: "enumeration \(enumeration.name) must be Namespace.Name of a generated namespace")
            }
            let cases = SwiftNaming.caseNames(enumeration.values)
            namespace.enums.append(EnumDeclaration(name: parts[1], cases: cases))
            namespaces[parts[0]] = namespace
        }
        return namespaces.values.map { namespace in
            var sorted = namespace
            sorted.structs.sort { $0.name < $1.name }
            sorted.enums.sort { $0.name < $1.name }
            return sorted
        }.sorted { $0.name < $1.name }
    }

    /// A misspelt field in the enumeration table would silently leave a field a plain string.
    private func checkEnumerationFields(generated: Set<String>) throws {
        for enumeration in configuration.enumerations {
            for field in enumeration.fields {
                guard let dot = field.lastIndex(of: ".") else { throw Failure(description: "bad enumeration field \(field)") }
                let definition = String(field[..<dot])
                let property = String(field[field.index(after: dot)...])
                guard let properties = definitions[definition]?["properties"] as? [String: Any], properties[property] != nil else {
                    throw Failure(description: "enumeration \(enumeration.name): the schema has no field \(field)")
                }
                guard generated.contains(definition) else {
                    throw Failure(description: "enumeration \(enumeration.name): \(definition) is not generated")
                }
            }
        }
    }

    /// `io.k8s.api.apps.v1.StatefulSetSpec` → (`AppsV1`, `apps/v1`).
    static func namespace(of definition: String) -> (name: String, groupVersion: String) {
        let parts = definition.split(separator: ".").map(String.init)
        let version = parts[parts.count - 2]
        let group = parts[parts.count - 3]
        let groupVersion = group == "core" ? version : "\(group)/\(version)"
        return (SwiftNaming.namespaceName(group: group == "core" ? "" : group, version: version), groupVersion)
    }

    /// `CoreV1.Container`.
    static func qualifiedName(of definition: String) -> String {
        "\(namespace(of: definition).name).\(definition.split(separator: ".").last!)"
    }

    private func references(of schema: [String: Any], of definition: String? = nil) -> [String] {
        var found: [String] = []
        if let reference = schema["$ref"] as? String { found.append(Self.definitionName(reference)) }
        for key in ["items", "additionalProperties"] {
            if let child = schema[key] as? [String: Any] { found += references(of: child) }
        }
        if let properties = schema["properties"] as? [String: [String: Any]] {
            for key in properties.keys.sorted() where !isServerStatus(key, of: definition) {
                found += references(of: properties[key]!)
            }
        }
        return found
    }

    /// A kind's `status`: what the API server reports, never written in a manifest. It is kept as
    /// free-form JSON (a manifest copied from a cluster still reads), which spares generating and
    /// compiling some forty status-only types.
    private func isServerStatus(_ key: String, of definition: String?) -> Bool {
        key == "status" && definition.map(configuration.kinds.contains) == true
    }

    private static func definitionName(_ reference: String) -> String {
        String(reference.split(separator: "/").last!)
    }

    private func translateDefinition(_ name: String, _ definition: [String: Any]) throws -> StructDeclaration {
        let properties = definition["properties"] as? [String: [String: Any]] ?? [:]
        let required = Set(definition["required"] as? [String] ?? [])
        var declarations: [PropertyDeclaration] = []
        for key in try ordered(Array(properties.keys), definition: name) {
            let schema = properties[key]!
            if isServerStatus(key, of: name) {
                declarations.append(PropertyDeclaration(
                    jsonName: key, swiftName: key, type: .json, isRequired: false, facts: ["the API server's report, kept as free-form JSON"]))
                continue
            }
            var type = try translateType(schema, at: "\(name).\(key)")
            if let enumeration = enumByField["\(name).\(key)"] {
                type = Self.replacingString(in: type, with: .named(enumeration))
            }
            declarations.append(PropertyDeclaration(
                jsonName: key, swiftName: SwiftNaming.propertyName(key), type: type,
                isRequired: required.contains(key), facts: Self.facts(of: schema)))
        }
        var kind: KindFacts?
        if let groupVersionKinds = definition["x-kubernetes-group-version-kind"] as? [[String: Any]],
           configuration.kinds.contains(name), let first = groupVersionKinds.first,
           let kindName = first["kind"] as? String, let version = first["version"] as? String
        {
            let group = first["group"] as? String ?? ""
            kind = KindFacts(apiVersion: group.isEmpty ? version : "\(group)/\(version)", kind: kindName,
                             isNamespaced: !configuration.clusterScoped.contains(name),
                             holdsSecretData: configuration.secretKinds.contains(name))
        }
        return StructDeclaration(
            name: String(name.split(separator: ".").last!), origin: name, properties: declarations, kind: kind)
    }

    /// Leading fields first (configured, else `apiVersion`, `kind`, `metadata`, `name`), then the rest
    /// in the schema's (alphabetical) order.
    /// A configured field the schema does not have is an error, so a typo cannot go unnoticed.
    private func ordered(_ keys: [String], definition: String) throws -> [String] {
        let first: [String]
        if let configured = configuration.leadingFields[definition] {
            if let missing = configured.first(where: { !keys.contains($0) }) {
                throw Failure(description: "leadingFields of \(definition): the schema has no field \(missing)")
            }
            first = configured
        } else {
            first = ["apiVersion", "kind", "metadata", "name"].filter(keys.contains)
        }
        return first + keys.filter { !first.contains($0) }.sorted()
    }

    private func translateType(_ schema: [String: Any], at path: String) throws -> TypeReference {
        if let reference = schema["$ref"] as? String {
            let name = Self.definitionName(reference)
            return Self.special[name] ?? .named(Self.qualifiedName(of: name))
        }
        switch Self.primaryType(schema) {
        case "string": return .string
        case "integer": return .int
        case "number": return .double
        case "boolean": return .bool
        case "array":
            guard let items = schema["items"] as? [String: Any] else { throw Failure(description: "\(path): array without items") }
            return .array(try translateType(items, at: path + "[]"))
        case "object":
            if let values = schema["additionalProperties"] as? [String: Any] {
                return .map(try translateType(values, at: path + "{}"))
            }
            return .json
        default:
            return .json
        }
    }

    /// `["string", "null"]` → `string`.
    static func primaryType(_ schema: [String: Any]) -> String? {
        if let type = schema["type"] as? String { return type }
        return (schema["type"] as? [String])?.first { $0 != "null" }
    }

    private static func replacingString(in type: TypeReference, with replacement: TypeReference) -> TypeReference {
        switch type {
        case .string: replacement
        case .array(let element): .array(replacingString(in: element, with: replacement))
        case .map(let element): .map(replacingString(in: element, with: replacement))
        default: type
        }
    }

    /// Format and list/map semantics, as facts for a doc comment.
    static func facts(of schema: [String: Any]) -> [String] {
        var facts: [String] = []
        if let format = schema["format"] as? String { facts.append("format \(format)") }
        if let listType = schema["x-kubernetes-list-type"] as? String {
            if let keys = schema["x-kubernetes-list-map-keys"] as? [String] {
                facts.append("list type \(listType), keyed by \(keys.map { "`\($0)`" }.joined(separator: ", "))")
            } else {
                facts.append("list type \(listType)")
            }
        }
        if let mapType = schema["x-kubernetes-map-type"] as? String { facts.append("map type \(mapType)") }
        return facts
    }
}
