import KubernetesAPI

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
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.volume = volume
        self.mountPath = mountPath
        self.readOnly = readOnly
        self.subPath = subPath
        location = SourceLocation(file, line)
    }
}

extension VolumeMount {
    /// The mount in the generated API.
    public var generated: CoreV1.VolumeMount {
        CoreV1.VolumeMount(name: volume, mountPath: mountPath, subPath: subPath, readOnly: readOnly ? true : nil)
    }
}
