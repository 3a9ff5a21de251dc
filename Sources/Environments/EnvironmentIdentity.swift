import InfraDSL

/// What makes two environments' objects differ everywhere without being a difference to review:
/// each has its own name, common labels and config fingerprint. `gen diff` states these once.
public enum EnvironmentIdentity {
    /// The substitutions from `from` to `to`: the name, each common label, the config fingerprint.
    public static func substitutions(from: Environment, to: Environment) -> [EnvironmentDiff.Substitution] {
        var found = [EnvironmentDiff.Substitution("environment name", from: from.name, to: to.name)]
        for pair in from.commonLabels.pairs {
            if let other = to.commonLabels[pair.key] { found.append(.init("label \(pair.key)", from: pair.value, to: other)) }
        }
        if let left = try? Catalog.configs[from.name]?.fingerprint(), let right = try? Catalog.configs[to.name]?.fingerprint() {
            found.append(.init("config fingerprint", from: left, to: right))
        }
        return found
    }
}
