import KubernetesAPI

/// What the nodes of one pool must be for the pods placed on them: written per environment as
/// `nodes/<pool>/node-pool.yaml` (with the kubelet's file next to it) for whoever builds the node
/// group, and as Terraform variables. Built from the same values the pods select and request, so
/// the two cannot disagree.
///
/// ```swift
/// NodePoolRequirements(name: "low-latency", instanceType: "c6i.4xlarge", nodes: 4,
///     labels: ["node-type": "low-latency"], taints: [Taint("node-type", "low-latency", .noSchedule)],
///     hugePages2MiPerNode: 512, kubelet: KubeletConfiguration(...))
/// ```
public struct NodePoolRequirements: Codable, Hashable, Sendable {
    public var name: String
    public var instanceType: String
    public var nodes: Int
    /// The labels every node carries (the pods' nodeSelector).
    public var labels: StringMap<String>
    /// The taints every node carries (the pods tolerate them; nothing else lands there).
    public var taints: [Taint]
    /// 2 MiB huge pages each node reserves at boot (`hugepagesz=2M hugepages=N` on the kernel
    /// command line): the kubelet offers only what the kernel set aside.
    public var hugePages2MiPerNode: Int
    public var kubelet: KubeletConfiguration

    public init(
        name: String, instanceType: String, nodes: Int, labels: Labels, taints: [Taint], hugePages2MiPerNode: Int,
        kubelet: KubeletConfiguration
    ) {
        self.name = name
        self.instanceType = instanceType
        self.nodes = nodes
        self.labels = StringMap(labels.pairs.map { ($0.key, $0.value) })
        self.taints = taints
        self.hugePages2MiPerNode = hugePages2MiPerNode
        self.kubelet = kubelet
    }

    /// The node-pool description and the kubelet's file, under `nodes/<name>/`.
    public var artifacts: [Artifact] {
        [
            Artifact("nodes/\(name)/node-pool.yaml", .encodedYAML(Description(self))),
            Artifact("nodes/\(name)/kubelet-config.yaml", .encodedYAML(kubelet)),
        ]
    }

    /// The pool without the kubelet's settings, which have their own file.
    struct Description: Encodable, Sendable {
        let name: String, instanceType: String, nodes: Int, labels: StringMap<String>, taints: [Taint], hugePages2MiPerNode: Int
        init(_ pool: NodePoolRequirements) {
            (name, instanceType, nodes, labels, taints, hugePages2MiPerNode) =
                (pool.name, pool.instanceType, pool.nodes, pool.labels, pool.taints, pool.hugePages2MiPerNode)
        }
    }
}
