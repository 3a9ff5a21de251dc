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

extension EnvironmentIdentity {
    /// The divergences one environment declares and the other does not (or declares with another
    /// value), each with its reason: `gen diff` states them above the rows they cause.
    public static func declaredDifferences(from: String, to: String) -> [String] {
        guard let left = Catalog.stage(named: from), let right = Catalog.stage(named: to) else { return [] }
        return Divergence.allCases.compactMap { kind in
            let before = left.divergences.first { $0.isKind(of: kind) }
            let after = right.divergences.first { $0.isKind(of: kind) }
            switch (before, after) {
            case (nil, nil): return nil
            case (let one?, nil): return "only \(from): \(one.title), because \(one.reason)"
            case (nil, let one?): return "only \(to): \(one.title), because \(one.reason)"
            case (let one?, let other?):
                return one == other ? nil : "\(from): \(one.title); \(to): \(other.title), because \(other.reason)"
            }
        }
    }
}
