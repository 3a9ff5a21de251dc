/// Mounts a pod volume into a container: `VolumeMount("config", at: "/app/config", readOnly: true)`.
public struct VolumeMount: Hashable, Sendable {
    /// The name of the pod volume.
    public let volume: String
    /// Where it appears in the container.
    public let mountPath: String
    /// Whether the container may only read it.
    public let readOnly: Bool
    /// A path inside the volume to mount instead of its root.
    public let subPath: String?
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A mount of `volume` at `mountPath`.
    public init(
        _ volume: String, at mountPath: String, readOnly: Bool = false, subPath: String? = nil,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        self.volume = volume
        self.mountPath = mountPath
        self.readOnly = readOnly
        self.subPath = subPath
        location = SourceLocation(file, line)
    }
}

extension VolumeMount: ValueConvertible {
    public var value: Value {
        var fields = Fields()
        fields.add("name", volume)
        fields.add("mountPath", mountPath)
        fields.add("subPath", subPath)
        if readOnly { fields.add("readOnly", true) }
        return .object(fields)
    }
}
