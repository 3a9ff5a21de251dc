/// How a volume may be mounted.
public enum AccessMode: String, Hashable, Sendable {
    case readWriteOnce = "ReadWriteOnce"
    case readOnlyMany = "ReadOnlyMany"
    case readWriteMany = "ReadWriteMany"
    case readWriteOncePod = "ReadWriteOncePod"
}

/// The spec of a volume claim, shared by ``PersistentVolumeClaim`` and a StatefulSet's
/// ``VolumeClaimTemplate``.
public struct ClaimSpec: Hashable, Sendable {
    public let storage: Storage
    public let storageClassName: String?
    public let accessModes: [AccessMode]

    /// A claim for `storage` of a class.
    public init(storage: Storage, storageClassName: String? = nil, accessModes: [AccessMode] = [.readWriteOnce]) {
        self.storage = storage
        self.storageClassName = storageClassName
        self.accessModes = accessModes
    }

    var value: Value {
        var fields = Fields()
        fields.add("accessModes", accessModes.map(\.rawValue))
        fields.add("storageClassName", storageClassName)
        fields.add("resources", ["requests": ["storage": storage.value]] as Value)
        return .object(fields)
    }

    func validate(_ context: inout ValidationContext, field: String, at location: SourceLocation) {
        if storage.bytes <= 0 {
            context.error("quantity", "storage must be positive (is \(storage))", field: field, at: location)
        }
        if accessModes.isEmpty {
            context.error("storage", "a claim needs at least one access mode", field: field, at: location)
        }
    }
}

/// A per-pod volume claim of a StatefulSet.
public struct VolumeClaimTemplate: Hashable, Sendable {
    public let name: String
    public let spec: ClaimSpec
    public var location: SourceLocation

    /// A claim template, mounted by containers under `name`.
    public init(_ name: String, _ spec: ClaimSpec, file: StaticString = #fileID, line: UInt = #line) {
        self.name = name
        self.spec = spec
        location = SourceLocation(file, line)
    }

    func validate(_ context: inout ValidationContext) {
        context.checkName(name, field: "spec/volumeClaimTemplates/\(name)", label: true, at: location)
        spec.validate(&context, field: "spec/volumeClaimTemplates/\(name)", at: location)
    }
}

extension VolumeClaimTemplate: ValueConvertible {
    public var value: Value { ["metadata": ["name": .string(name)], "spec": spec.value] }
}

/// A standalone PersistentVolumeClaim.
public struct PersistentVolumeClaim: Resource {
    public static let apiVersion = "v1"
    public static let kind = "PersistentVolumeClaim"
    public static let applyOrder = ApplyOrder.storage
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var overrides: [Override] = []
    public let spec: ClaimSpec

    /// A claim.
    public init(_ name: String, _ spec: ClaimSpec, file: StaticString = #fileID, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.spec = spec
        location = SourceLocation(file, line)
    }

    public func bodyFields() -> Fields { Fields([("spec", spec.value)]) }

    public func validate(_ context: inout ValidationContext) {
        spec.validate(&context, field: "spec", at: location)
    }
}
