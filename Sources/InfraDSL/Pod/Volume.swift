/// A pod volume: `Volume("config", .configMap("trading-engine-config"))`.
public struct Volume: Hashable, Sendable {
    /// What backs a volume.
    public enum Source: Hashable, Sendable {
        /// The keys of a ConfigMap as files.
        case configMap(String, defaultMode: Int? = nil)
        /// The keys of a Secret as files.
        case secret(String, defaultMode: Int? = nil)
        /// Scratch space that lives as long as the pod; `memory` backs it with tmpfs.
        case emptyDir(sizeLimit: Storage? = nil, memory: Bool = false)
        /// A PersistentVolumeClaim.
        case persistentVolumeClaim(String, readOnly: Bool = false)
    }

    /// The volume's name, by which containers mount it.
    public let name: String
    /// What backs it.
    public let source: Source
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A named volume.
    public init(_ name: String, _ source: Source, file: StaticString = #fileID, line: UInt = #line) {
        self.name = name
        self.source = source
        location = SourceLocation(file, line)
    }
}

extension Volume: ValueConvertible {
    public var value: Value {
        var fields = Fields()
        fields.add("name", name)
        switch source {
        case .configMap(let configMap, let mode):
            var inner = Fields()
            inner.add("name", configMap)
            inner.add("defaultMode", mode)
            fields.add("configMap", .object(inner))
        case .secret(let secret, let mode):
            var inner = Fields()
            inner.add("secretName", secret)
            inner.add("defaultMode", mode)
            fields.add("secret", .object(inner))
        case .emptyDir(let sizeLimit, let memory):
            var inner = Fields()
            if memory { inner.add("medium", "Memory") }
            inner.add("sizeLimit", sizeLimit)
            fields.add("emptyDir", .object(inner), keepEmpty: true)
        case .persistentVolumeClaim(let claim, let readOnly):
            var inner = Fields()
            inner.add("claimName", claim)
            if readOnly { inner.add("readOnly", true) }
            fields.add("persistentVolumeClaim", .object(inner))
        }
        return .object(fields)
    }
}
