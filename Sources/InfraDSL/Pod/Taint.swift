import KubernetesAPI

/// A node taint, and (on a pod) the toleration of it: `Taint("node-type", "low-latency", .noSchedule)`.
/// A node pool taints its nodes so only the pods that tolerate the taint land there; a pod that
/// tolerates it says so with ``PodTemplate/tolerating(_:)``.
public struct Taint: Hashable, Sendable, Codable {
    /// What a taint does to pods that do not tolerate it.
    public enum Effect: String, Hashable, Sendable, Codable {
        case noSchedule = "NoSchedule"
        case preferNoSchedule = "PreferNoSchedule"
        case noExecute = "NoExecute"
    }

    public let key: String
    /// The value; `nil` on a toleration tolerates every value of the key (`operator: Exists`).
    public let value: String?
    public let effect: Effect

    /// A taint `key=value:effect`.
    public init(_ key: String, _ value: String?, _ effect: Effect) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    /// Whether a pod with this toleration may run on a node with `taint`.
    public func tolerates(_ taint: Taint) -> Bool {
        key == taint.key && effect == taint.effect && (value == nil || value == taint.value)
    }

    /// The toleration in the generated API.
    public var generatedToleration: CoreV1.Toleration {
        CoreV1.Toleration(
            effect: CoreV1.TaintEffect(rawValue: effect.rawValue), key: key,
            operator: value == nil ? .exists : .equal, value: value)
    }

    /// The toleration a generated one means, when it names a key and an effect the model knows.
    public init?(generated item: CoreV1.Toleration) {
        guard let key = item.key, let effect = item.effect.flatMap({ Effect(rawValue: $0.rawValue) }) else { return nil }
        let exists = item.operator.map { $0 == .exists } ?? false
        self.init(key, exists ? nil : (item.value ?? ""), effect)
    }
}
