import KubernetesAPI

/// A ConfigMap: named text entries, such as a rendered `config.yaml`. Multi-line values render as
/// YAML literal blocks.
public struct ConfigMap: GeneratedResource {
    public static let apiVersion = "v1"
    public static let kind = "ConfigMap"
    public static let applyOrder = ApplyOrder.config
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<CoreV1.ConfigMap>] = []
    /// The entries, rendered sorted by key.
    public let data: Labels

    /// A ConfigMap with entries.
    public init(_ name: String, data: Labels, file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.data = data
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: CoreV1.ConfigMap { CoreV1.ConfigMap(data: data.stringMap) }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        validateDataKeys(data, field: "data", in: &context)
    }

    func validateDataKeys(_ data: Labels, field: String, in context: inout ValidationContext) {
        for key in data.duplicateKeys {
            context.error("duplicate", "key '\(key)' is written twice", field: field, at: location)
        }
        for (key, _) in data where !Self.isValidDataKey(key) {
            context.error("name", "key '\(key)' must consist of letters, digits, '-', '_' or '.'", field: "\(field)/\(key)", at: location)
        }
    }

    static func isValidDataKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 253 && key != "." && key != ".."
            && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || "-_.".unicodeScalars.contains($0) || ("0"..."9").contains($0) }
    }
}

/// A Secret with values in the output. It is made through ``LiteralSecret`` (development only) or by
/// `gen lint` from an existing manifest; real credentials belong in an external secret store,
/// referenced by name.
public struct Secret: GeneratedResource {
    public static let apiVersion = "v1"
    public static let kind = "Secret"
    public static let applyOrder = ApplyOrder.config
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<CoreV1.Secret>] = []
    /// The entries, as plain text (`stringData`).
    public let stringData: Labels
    /// The Secret type, `Opaque` by default.
    public let type: String

    /// A Secret with plain-text entries.
    init(_ name: String, stringData: Labels, type: String = "Opaque", file: StaticString = #filePath, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.stringData = stringData
        self.type = type
        location = SourceLocation(file, line)
    }

    public var unpatchedObject: CoreV1.Secret { CoreV1.Secret(type: type, stringData: stringData.stringMap) }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        for (key, _) in stringData where !ConfigMap.isValidDataKey(key) {
            context.error("name", "key '\(key)' must consist of letters, digits, '-', '_' or '.'", field: "stringData/\(key)", at: location)
        }
    }
}
