/// `availability`: disruption budgets that the minimum scale can satisfy; required anti-affinity and
/// node selection that can place the maximum scale; topology and node labels that exist.
public enum AvailabilityCheck: EnvironmentCheck {
    public static let id = "availability"

    /// Node labels Kubernetes or the cloud provider set on every node.
    static let wellKnownNodeLabels: Set<String> = [
        "kubernetes.io/hostname", "kubernetes.io/os", "kubernetes.io/arch", "topology.kubernetes.io/zone",
        "topology.kubernetes.io/region", "node.kubernetes.io/instance-type",
    ]

    /// A custom label standing in for a zone or region, which nodes carry only under the well-known
    /// names (the seed's `availability-zone`).
    static func looksLikeTopology(_ key: String) -> Bool {
        let lower = key.lowercased()
        return !wellKnownNodeLabels.contains(key) && (lower.contains("zone") || lower.contains("region"))
    }

    public static func run(_ context: inout CheckContext) {
        for budget in context.all(PodDisruptionBudget.self) {
            guard case .minAvailable(.count(let minimum)) = budget.budget else { continue }
            for workload in context.workloads(selectedBy: LabelSelector(matchLabels: budget.selector), in: budget.metadata.namespace) {
                let fewest = context.minimumReplicas(of: workload)
                if minimum >= fewest {
                    context.error("minAvailable \(minimum) is not below the \(fewest) replicas \(workload.identity) may run, so no pod can ever be evicted and node drains hang", at: budget, field: "spec/minAvailable")
                }
            }
        }
        let pools = context.contract.nodePools
        let knownLabels = wellKnownNodeLabels.union(pools.flatMap { $0.labels.pairs.map(\.key) })
        for workload in context.workloads {
            let template = workload.template
            let affinity = template.affinity
            let keys = template.nodeSelector.pairs.map(\.key) + (affinity?.requiredNodeTerms.flatMap { $0.map(\.key) } ?? [])
            for key in keys where !knownLabels.contains(key) {
                if looksLikeTopology(key) {
                    context.error("node label '\(key)' is not the label nodes carry for that: use topology.kubernetes.io/zone or topology.kubernetes.io/region; no node matches and the pods never schedule", at: workload, field: "spec/template/spec/nodeSelector", location: template.location)
                } else if !pools.isEmpty {
                    context.error("node label '\(key)' is neither a well-known label nor one of a declared node pool, so no node matches and the pods never schedule", at: workload, field: "spec/template/spec/nodeSelector", location: template.location)
                }
            }
            let topologyKeys = (affinity?.requiredPodAntiAffinity ?? []).map(\.topologyKey) + (affinity?.requiredPodAffinity ?? []).map(\.topologyKey)
            for key in topologyKeys where !knownLabels.contains(key) && (looksLikeTopology(key) || !pools.isEmpty) {
                context.error("topology key '\(key)' is a label no node carries", at: workload, field: "spec/template/spec/affinity", location: affinity?.location ?? template.location)
            }
            guard !pools.isEmpty else { continue }
            let eligible = pools.filter { pool in
                template.nodeSelector.pairs.allSatisfy { pair in pool.labels[pair.key] == pair.value || pair.key == "kubernetes.io/hostname" }
                    && (affinity?.requiredNodeTerms.isEmpty ?? true
                        || affinity!.requiredNodeTerms.contains { term in term.allSatisfy { $0.matches(pool.labels) } })
            }
            let nodes = eligible.map(\.nodes).reduce(0, +)
            let maximum = context.maximumReplicas(of: workload)
            if nodes == 0 {
                context.error("no declared node pool matches the pods' node selection", at: workload, field: "spec/template/spec/nodeSelector", location: template.location)
            } else if affinity?.requiredPodAntiAffinity.contains(where: { $0.topologyKey == "kubernetes.io/hostname" && $0.selector.matches(workload.podLabels) }) == true,
                maximum > nodes {
                context.error("required anti-affinity puts one pod per node, but only \(nodes) matching nodes exist for up to \(maximum) replicas", at: workload, field: "spec/template/spec/affinity", location: affinity?.location ?? template.location)
            }
        }
    }
}
