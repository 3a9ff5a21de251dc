import Yams

/// Translates CustomResourceDefinitions into declarations: for every served version, the kind as a
/// struct and each inline object of its `openAPIV3Schema` as a struct nested in its parent.
public struct CRDTranslator {
    /// A CRD the importer cannot read, naming the file and what is wrong.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var namespaces: [String: NamespaceDeclaration] = [:]

    public init() {}

    /// Adds every CustomResourceDefinition in a YAML file (one or more documents).
    public mutating func add(yaml: String, file: String) throws {
        let documents: [Any]
        do {
            documents = try Array(Yams.load_all(yaml: yaml)).compactMap { $0 }
        } catch {
            throw Failure(description: "\(file): not YAML: \(error)")
        }
        var found = 0
        for case let document as [String: Any] in documents where document["kind"] as? String == "CustomResourceDefinition" {
            try add(document, file: file)
            found += 1
        }
        if found == 0 { throw Failure(description: "\(file): no CustomResourceDefinition in the file") }
    }

    /// The namespaces of everything added, sorted.
    public func declarations() -> [NamespaceDeclaration] {
        namespaces.values.map { namespace in
            var sorted = namespace
            sorted.structs.sort { $0.name < $1.name }
            return sorted
        }.sorted { $0.name < $1.name }
    }

    private mutating func add(_ crd: [String: Any], file: String) throws {
        let spec = crd["spec"] as? [String: Any] ?? [:]
        guard let group = spec["group"] as? String,
              let kind = (spec["names"] as? [String: Any])?["kind"] as? String,
              let versions = spec["versions"] as? [[String: Any]]
        else {
            throw Failure(description: "\(file): a CustomResourceDefinition needs spec.group, spec.names.kind and spec.versions")
        }
        let namespaced = (spec["scope"] as? String ?? "Namespaced") == "Namespaced"
        for version in versions where version["served"] as? Bool ?? true {
            guard let versionName = version["name"] as? String else { throw Failure(description: "\(file): \(kind): a version without a name") }
            guard let schema = (version["schema"] as? [String: Any])?["openAPIV3Schema"] as? [String: Any] else {
                throw Failure(description: "\(file): \(kind) \(versionName): no openAPIV3Schema")
            }
            let namespaceName = SwiftNaming.namespaceName(group: group, version: versionName)
            let apiVersion = "\(group)/\(versionName)"
            var root = try translateObject(schema, name: SwiftNaming.typeName(kind), origin: "\(apiVersion) \(kind)",
                                           qualified: "\(namespaceName).\(SwiftNaming.typeName(kind))", isRoot: true)
            root.kind = KindFacts(apiVersion: apiVersion, kind: kind, isNamespaced: namespaced)
            namespaces[namespaceName, default: NamespaceDeclaration(name: namespaceName, groupVersion: apiVersion)].structs.append(root)
        }
    }

    /// A struct for an object schema; its inline objects and enums become nested declarations.
    private func translateObject(
        _ schema: [String: Any], name: String, origin: String, qualified: String, isRoot: Bool = false
    ) throws -> StructDeclaration {
        var declaration = StructDeclaration(name: name, origin: origin, properties: [])
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let required = Set(schema["required"] as? [String] ?? [])
        var usedTypeNames: Set<String> = [name]
        let leading = isRoot ? ["apiVersion", "kind", "metadata", "spec"] : ["name"]
        let keys = leading.filter { properties[$0] != nil } + properties.keys.filter { !leading.contains($0) }.sorted()
        for key in keys {
            guard let child = properties[key] as? [String: Any] else { throw Failure(description: "\(origin).\(key): not a schema") }
            let type: TypeReference
            if isRoot && key == "metadata" {
                type = .named("MetaV1.ObjectMeta")
            } else {
                type = try translateType(child, key: key, origin: "\(origin).\(key)", qualified: qualified,
                                         usedTypeNames: &usedTypeNames, into: &declaration)
            }
            declaration.properties.append(PropertyDeclaration(
                jsonName: key, swiftName: SwiftNaming.propertyName(key), type: type,
                // The root's apiVersion, kind and metadata are the object's frame, always optional in
                // Swift (an embedded object has none), whatever the CRD lists as required.
                isRequired: required.contains(key) && !(isRoot && ["apiVersion", "kind", "metadata"].contains(key)),
                facts: KubernetesSchemaTranslator.facts(of: child)))
        }
        return declaration
    }

    private func translateType(
        _ schema: [String: Any], key: String, origin: String, qualified: String, suffix: String = "",
        usedTypeNames: inout Set<String>, into parent: inout StructDeclaration
    ) throws -> TypeReference {
        if schema["x-kubernetes-int-or-string"] as? Bool == true { return .intOrString }
        if schema["x-kubernetes-preserve-unknown-fields"] as? Bool == true { return .json }
        if schema["x-kubernetes-embedded-resource"] as? Bool == true { return .json }
        let alternatives = (schema["anyOf"] as? [[String: Any]] ?? []) + (schema["oneOf"] as? [[String: Any]] ?? [])
        if schema["type"] == nil, !alternatives.isEmpty {
            let types = Set(alternatives.compactMap(KubernetesSchemaTranslator.primaryType))
            return types == ["integer", "string"] ? .intOrString : .json
        }
        switch KubernetesSchemaTranslator.primaryType(schema) {
        case "string":
            guard let values = schema["enum"] as? [Any], !values.isEmpty else { return .string }
            let name = uniqueName(SwiftNaming.typeName(key) + suffix, &usedTypeNames)
            let raw = values.map { "\($0)" }
            parent.nestedEnums.append(EnumDeclaration(name: name, cases: SwiftNaming.caseNames(raw)))
            return .named("\(qualified).\(name)")
        case "integer": return .int
        case "number": return .double
        case "boolean": return .bool
        case "array":
            guard let items = schema["items"] as? [String: Any] else { return .array(.json) }
            return .array(try translateType(items, key: key, origin: origin + "[]", qualified: qualified, suffix: suffix + "Item",
                                            usedTypeNames: &usedTypeNames, into: &parent))
        case "object":
            if let properties = schema["properties"] as? [String: Any], !properties.isEmpty {
                let name = uniqueName(SwiftNaming.typeName(key) + suffix, &usedTypeNames)
                parent.nestedStructs.append(try translateObject(schema, name: name, origin: origin, qualified: "\(qualified).\(name)"))
                return .named("\(qualified).\(name)")
            }
            if let values = schema["additionalProperties"] as? [String: Any] {
                return .map(try translateType(values, key: key, origin: origin + "{}", qualified: qualified, suffix: suffix + "Value",
                                              usedTypeNames: &usedTypeNames, into: &parent))
            }
            // `additionalProperties: true` is a map of anything; no properties at all is any object.
            return schema["additionalProperties"] as? Bool == true ? .map(.json) : .json
        default:
            return .json
        }
    }

    private func uniqueName(_ name: String, _ used: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while used.contains(candidate) {
            candidate = "\(name)\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
