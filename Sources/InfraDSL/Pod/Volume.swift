import KubernetesAPI

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
    public init(_ name: String, _ source: Source, file: StaticString = #filePath, line: UInt = #line) {
        self.name = name
        self.source = source
        location = SourceLocation(file, line)
    }
}

extension Volume {
    /// The volume in the generated API.
    public var generated: CoreV1.Volume {
        var volume = CoreV1.Volume(name: name)
        switch source {
        case .configMap(let configMap, let mode):
            volume.configMap = CoreV1.ConfigMapVolumeSource(name: configMap, defaultMode: mode)
        case .secret(let secret, let mode):
            volume.secret = CoreV1.SecretVolumeSource(secretName: secret, defaultMode: mode)
        case .emptyDir(let sizeLimit, let memory):
            volume.emptyDir = CoreV1.EmptyDirVolumeSource(medium: memory ? "Memory" : nil, sizeLimit: sizeLimit.map { Quantity($0.quantity) })
        case .persistentVolumeClaim(let claim, let readOnly):
            volume.persistentVolumeClaim = CoreV1.PersistentVolumeClaimVolumeSource(claimName: claim, readOnly: readOnly ? true : nil)
        }
        return volume
    }
}
