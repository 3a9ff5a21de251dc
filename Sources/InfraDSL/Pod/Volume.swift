import KubernetesAPI

/// A pod volume: `Volume("config", .configMap("trading-engine-config"))`.
public struct Volume: Hashable, Sendable {
    /// What backs a volume.
    public enum Source: Sendable {
        /// The keys of a ConfigMap as files.
        case configMap(String, defaultMode: Int? = nil)
        /// The keys of a Secret as files.
        case secret(String, defaultMode: Int? = nil)
        /// Scratch space that lives as long as the pod; `memory` backs it with tmpfs.
        case emptyDir(sizeLimit: Storage? = nil, memory: Bool = false)
        /// Memory in 2 MiB huge pages, mapped by the containers that mount it (`emptyDir` with
        /// `medium: HugePages-2Mi`); the pod must request `hugepages-2Mi`.
        case hugePages
        /// A PersistentVolumeClaim.
        case persistentVolumeClaim(String, readOnly: Bool = false)
        /// Any other source of the generated API (`hostPath`, `projected`, `downwardAPI`, `csi`...),
        /// set on a generated volume whose name is replaced by this volume's:
        ///
        /// ```swift
        /// Volume("token", .other(CoreV1.Volume(name: "token", projected: .init(sources: [
        ///     .init(serviceAccountToken: .init(audience: "vault", path: "token"))]))))
        /// ```
        ///
        /// The checks read what matters in it: the ConfigMaps and Secrets a projection names, a path
        /// of the node. (Boxed: a generated volume is large, and every pod part would be as large.)
        indirect case other(CoreV1.Volume)
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
        case .hugePages:
            volume.emptyDir = CoreV1.EmptyDirVolumeSource(medium: "HugePages-2Mi")
        case .persistentVolumeClaim(let claim, let readOnly):
            volume.persistentVolumeClaim = CoreV1.PersistentVolumeClaimVolumeSource(claimName: claim, readOnly: readOnly ? true : nil)
        case .other(let written):
            volume = written
            volume.name = name
        }
        return volume
    }
}

extension Volume.Source: Hashable {
    // Generated types are `Equatable` only; volumes of other sources share one hash, which keeps
    // `hash(into:)` consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .configMap(let name, let mode): hasher.combine(0); hasher.combine(name); hasher.combine(mode)
        case .secret(let name, let mode): hasher.combine(1); hasher.combine(name); hasher.combine(mode)
        case .emptyDir(let sizeLimit, let memory): hasher.combine(2); hasher.combine(sizeLimit); hasher.combine(memory)
        case .persistentVolumeClaim(let claim, let readOnly): hasher.combine(3); hasher.combine(claim); hasher.combine(readOnly)
        case .other: hasher.combine(4)
        case .hugePages: hasher.combine(5)
        }
    }
}
