/// The translated form of a schema: Swift declarations, not yet text. The translators build it; only
/// ``SwiftRenderer`` turns it into source.

/// A Swift type a property has.
public indirect enum TypeReference: Hashable, Sendable {
    case string
    case int
    case double
    case bool
    /// `Quantity` (a resource quantity).
    case quantity
    /// `IntOrString`.
    case intOrString
    /// `JSONValue` (any JSON).
    case json
    /// A generated struct or enum, by its qualified Swift name (`CoreV1.Container`).
    case named(String)
    case array(TypeReference)
    /// A `StringMap` of the element type.
    case map(TypeReference)

    /// The type's schema name, for doc comments: `string`, `array of CoreV1.Container`.
    var schemaDescription: String {
        switch self {
        case .string: "string"
        case .int: "integer"
        case .double: "number"
        case .bool: "boolean"
        case .quantity: "quantity"
        case .intOrString: "integer or string"
        case .json: "any JSON value"
        case .named(let name): "`\(name)`"
        case .array(let element): "array of \(element.schemaDescription)"
        case .map(let element): "map of string to \(element.schemaDescription)"
        }
    }
}

/// One stored property of a generated struct.
public struct PropertyDeclaration: Hashable, Sendable {
    /// The key in YAML and JSON.
    public var jsonName: String
    /// The Swift identifier (backticked when it is a keyword).
    public var swiftName: String
    public var type: TypeReference
    public var isRequired: Bool
    /// Facts for the doc comment (format, list semantics), never the schema's prose.
    public var facts: [String]
}

/// A generated string enumeration with a case for unlisted values.
public struct EnumDeclaration: Hashable, Sendable {
    public var name: String
    /// (Swift case name, value as written), in the schema's order.
    public var cases: [(swiftName: String, rawValue: String)]

    public static func == (lhs: EnumDeclaration, rhs: EnumDeclaration) -> Bool {
        lhs.name == rhs.name && lhs.cases.elementsEqual(rhs.cases) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        for item in cases { hasher.combine(item.rawValue) }
    }
}

/// What makes a struct a top-level kind.
public struct KindFacts: Hashable, Sendable {
    public var apiVersion: String
    public var kind: String
    public var isNamespaced: Bool
    /// Whether its objects hold secret data (a `Secret`): such kinds are not ``SecretFreeObject``s.
    public var holdsSecretData = false
}

/// A generated struct, with the types declared inside it (inline objects of a CRD schema).
public struct StructDeclaration: Hashable, Sendable {
    public var name: String
    /// Where it came from, for its doc comment (`io.k8s.api.apps.v1.StatefulSetSpec`, or a CRD path).
    public var origin: String
    public var properties: [PropertyDeclaration]
    public var kind: KindFacts?
    public var nestedStructs: [StructDeclaration] = []
    public var nestedEnums: [EnumDeclaration] = []
}

/// The declarations of one namespace enum (`AppsV1`), written to one file.
public struct NamespaceDeclaration: Hashable, Sendable {
    public var name: String
    /// What the namespace holds, for its doc comment (`apps/v1`).
    public var groupVersion: String
    public var structs: [StructDeclaration] = []
    public var enums: [EnumDeclaration] = []
}

/// A file the generator writes, relative to its output directory.
public struct GeneratedFile: Hashable, Sendable {
    public var path: String
    public var contents: String
}
