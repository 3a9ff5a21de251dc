import Foundation

/// What a change does to one environment: its objects now against an earlier `gen` output of them
/// (the base branch's snapshots), field by field, each change flagged by what it touches, and what
/// the reachability check blocks or allows that it did not before.
///
/// ```swift
/// let review = try RevisionDiff.compare(production, against: RenderedTree(root: baseSnapshots), critical: true)
/// print(DiffReport.render([review], format: .markdown))
/// ```
public struct RevisionDiff: Sendable {
    /// What a change touches that a reviewer most needs to see.
    public enum Flag: String, Sendable, CaseIterable, Comparable {
        /// A container runs another image.
        case image
        /// Replicas, autoscaler bounds, disruption budgets.
        case scale
        /// Requests, limits, quotas, storage.
        case resources
        /// Network policies: who may talk to whom.
        case network
        /// Roles, bindings and service accounts: who may do what.
        case rbac

        public static func < (lhs: Flag, rhs: Flag) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The environment's name.
    public let environment: String
    /// Whether every change here matters most (the end of the promotion chain: production).
    public let critical: Bool
    /// Whether the earlier output had this environment at all.
    public let existedBefore: Bool
    /// The objects' changes, from the earlier output to now.
    public let diff: EnvironmentDiff
    /// Reachability findings now that the earlier output did not have: traffic the change blocks.
    public let nowBlocked: [String]
    /// Reachability findings of the earlier output that are gone: traffic the change allows again.
    public let nowAllowed: [String]

    /// Whether anything differs.
    public var hasChanges: Bool { !diff.entries.isEmpty }

    /// Compares `environment` as it renders now with its objects in `tree`. The earlier objects are
    /// read back through ``ManifestReader`` for the reachability check, under this revision's
    /// contract (what the application says it needs).
    public static func compare(_ environment: Environment, against tree: RenderedTree, critical: Bool) throws -> RevisionDiff {
        let existed = tree.contains(environment.name)
        // Each file is read once: into documents for the diff, and into resources for the checks.
        let manifests = try tree.manifests(of: environment.name)
        let before = try manifests.flatMap { try tree.objects(in: $0.text, named: $0.relative) }
        let resolved = EnvironmentResolver.resolve(environment).objects
        let diff = EnvironmentDiff.compare(
            from: ("\(environment.name) in \(tree.root.relativePath)", before), to: ("\(environment.name) now", resolved.map(DiffObject.init)))
        var reader = ManifestReader()
        for file in manifests { reader.read(yaml: file.text, file: file.relative) }
        let earlier = Environment(
            environment.name, namespace: environment.namespace, kind: environment.kind, location: environment.location,
            parts: reader.resources.map { .resource($0) }
        ).contract(environment.contract)
        let findingsBefore = existed ? reachability(earlier, reader.resources) : []
        let findingsNow = reachability(environment, resolved.map(\.resource))
        return RevisionDiff(
            environment: environment.name, critical: critical, existedBefore: existed, diff: diff,
            nowBlocked: findingsNow.subtracting(findingsBefore).sorted(), nowAllowed: findingsBefore.subtracting(findingsNow).sorted())
    }

    private static func reachability(_ environment: Environment, _ objects: [any Resource]) -> Set<String> {
        let findings = Checks.run(ReachabilityCheck.self, in: CheckContext(environment: environment, objects: objects))
        return Set(findings.filter { $0.severity == .error }.map { finding in
            let object = finding.resourcePath.split(separator: "/").dropFirst().prefix(2).joined(separator: "/")
            return "\(object): \(finding.message)"
        })
    }

    /// The flags of one object's change: by its kind, and for a field, by its path.
    public static func flags(kind: String, path: String? = nil) -> Set<Flag> {
        var flags: Set<Flag> = []
        switch kind {
        case "NetworkPolicy": flags.insert(.network)
        case "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ServiceAccount": flags.insert(.rbac)
        case "ResourceQuota", "LimitRange": flags.insert(.resources)
        case "HorizontalPodAutoscaler", "PodDisruptionBudget": flags.insert(.scale)
        default: break
        }
        guard let path else { return flags }
        if path.hasSuffix(".image") { flags.insert(.image) }
        if path == "spec.replicas" { flags.insert(.scale) }
        if path.contains(".resources.") || path.hasPrefix("spec.resources.") { flags.insert(.resources) }
        return flags
    }

    /// The flags of an entry: its kind's, and its changed fields'.
    public static func flags(of entry: EnvironmentDiff.Entry) -> Set<Flag> {
        switch entry {
        case .added(let identity), .removed(let identity): return flags(kind: EnvironmentDiff.kind(of: identity))
        case .changed(let identity, let changes):
            return changes.reduce(flags(kind: EnvironmentDiff.kind(of: identity))) { $0.union(flags(kind: EnvironmentDiff.kind(of: identity), path: $1.path)) }
        case .renamed(let kind, _, _, let changes):
            return changes.reduce(flags(kind: kind)) { $0.union(flags(kind: kind, path: $1.path)) }
        }
    }
}
