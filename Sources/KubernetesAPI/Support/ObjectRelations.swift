/// What a kind's objects make and name beyond their own fields, for the checks that hold an
/// environment together: an `ExternalSecret` makes a Secret and names the store it reads from.
/// Implemented by hand next to the kinds it describes (the schema does not say it).
///
/// ```swift
/// extension ExternalSecretsV1beta1.ExternalSecret: ObjectRelations {
///     public var producedObjects: [ObjectName] { [ObjectName(kind: "Secret", name: spec?.target?.name ?? metadata?.name ?? "")] }
/// }
/// ```
public protocol ObjectRelations: Sendable {
    /// The objects that exist because this one does (a controller creates them).
    var producedObjects: [ObjectName] { get }
    /// The objects this one names, which must exist in its namespace.
    var referencedObjects: [ObjectReference] { get }
}

extension ObjectRelations {
    public var producedObjects: [ObjectName] { [] }
    public var referencedObjects: [ObjectReference] { [] }
}

/// A kind and a name.
public struct ObjectName: Hashable, Sendable {
    public let kind: String
    public let name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// An object named by another, and the field that names it (`spec/secretStoreRef`).
public struct ObjectReference: Hashable, Sendable {
    public let object: ObjectName
    public let field: String

    public init(kind: String, name: String, field: String) {
        object = ObjectName(kind: kind, name: name)
        self.field = field
    }
}
