import KubernetesAPI

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

    /// The claim's spec in the generated API.
    public var generated: CoreV1.PersistentVolumeClaimSpec {
        CoreV1.PersistentVolumeClaimSpec(
            accessModes: accessModes.map { CoreV1.PersistentVolumeAccessMode(rawValue: $0.rawValue) }.nonEmpty,
            storageClassName: storageClassName,
            resources: CoreV1.VolumeResourceRequirements(requests: ["storage": Quantity(storage.quantity)]))
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
    public init(_ name: String, _ spec: ClaimSpec, file: StaticString = #filePath, line: UInt = #line) {
        self.name = name
        self.spec = spec
        location = SourceLocation(file, line)
    }

    func validate(_ context: inout ValidationContext) {
        context.checkName(name, field: "spec/volumeClaimTemplates/\(name)", label: true, at: location)
        spec.validate(&context, field: "spec/volumeClaimTemplates/\(name)", at: location)
    }
}

extension VolumeClaimTemplate {
    /// The template in the generated API: a claim named for the volume it provides.
    public var generated: CoreV1.PersistentVolumeClaim {
        CoreV1.PersistentVolumeClaim(metadata: MetaV1.ObjectMeta(name: name), spec: spec.generated)
    }
}

/// A standalone PersistentVolumeClaim.
public struct PersistentVolumeClaim: GeneratedResource {
    public static let apiVersion = "v1"
    public static let kind = "PersistentVolumeClaim"
    public static let applyOrder = ApplyOrder.storage
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<CoreV1.PersistentVolumeClaim>] = []
    public let spec: ClaimSpec

    /// A claim.
    public init(_ name: String, _ spec: ClaimSpec, file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.spec = spec
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: CoreV1.PersistentVolumeClaim { CoreV1.PersistentVolumeClaim(spec: spec.generated) }

    public func validate(_ context: inout ValidationContext) {
        spec.validate(&context, field: "spec", at: location)
        validatePatches(&context)
    }
}
