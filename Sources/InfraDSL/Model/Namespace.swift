import KubernetesAPI

/// A Namespace. Inside an ``Environment`` its name defaults to the environment's namespace.
public struct Namespace: GeneratedResource {
    public static let apiVersion = "v1"
    public static let kind = "Namespace"
    public static let isNamespaced = false
    public static let applyOrder = ApplyOrder.namespace
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<CoreV1.Namespace>] = []

    /// A namespace with labels; `name` nil means the environment's namespace.
    public init(_ name: String? = nil, labels: Labels = .none, file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name ?? "", labels: labels)
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: CoreV1.Namespace { CoreV1.Namespace() }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
    }
}
