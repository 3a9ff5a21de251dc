import KubernetesAPI

/// One requirement of a label selector: `key In [a, b]`, `key Exists`, ...
public struct LabelRequirement: Hashable, Sendable {
    /// How a requirement compares.
    public enum Operator: String, Hashable, Sendable {
        case `in` = "In"
        case notIn = "NotIn"
        case exists = "Exists"
        case doesNotExist = "DoesNotExist"
    }

    public let key: String
    public let op: Operator
    public let values: [String]

    /// A requirement on one key.
    public init(_ key: String, _ op: Operator, _ values: [String] = []) {
        self.key = key
        self.op = op
        self.values = values
    }

    /// Whether a set of labels satisfies this requirement.
    public func matches(_ labels: Labels) -> Bool {
        switch op {
        case .in: return labels[key].map(values.contains) ?? false
        case .notIn: return labels[key].map { !values.contains($0) } ?? true
        case .exists: return labels[key] != nil
        case .doesNotExist: return labels[key] == nil
        }
    }
}

extension LabelRequirement {
    /// The requirement in the generated API.
    public var generated: MetaV1.LabelSelectorRequirement {
        MetaV1.LabelSelectorRequirement(key: key, operator: MetaV1.LabelSelectorOperator(rawValue: op.rawValue), values: values.nonEmpty)
    }
}

/// A Kubernetes label selector: exact labels plus set-based requirements.
public struct LabelSelector: Hashable, Sendable {
    public let matchLabels: Labels
    public let matchExpressions: [LabelRequirement]

    /// A selector; both parts must hold.
    public init(matchLabels: Labels = .none, matchExpressions: [LabelRequirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// Whether the selector has no terms (and so selects everything).
    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// Whether a set of labels is selected.
    public func matches(_ labels: Labels) -> Bool {
        matchLabels.isSubset(of: labels) && matchExpressions.allSatisfy { $0.matches(labels) }
    }
}

extension LabelSelector {
    /// A selector of the generated API in the intent model (`gen lint`); a requirement whose
    /// operator is none of the four is left out (validation of the object reports it).
    init(generated selector: MetaV1.LabelSelector?) {
        let expressions = (selector?.matchExpressions ?? []).compactMap { item in
            LabelRequirement.Operator(rawValue: item.operator.rawValue).map { LabelRequirement(item.key, $0, item.values ?? []) }
        }
        self.init(matchLabels: Labels(selector?.matchLabels), matchExpressions: expressions)
    }

    /// The selector in the generated API.
    public var generated: MetaV1.LabelSelector {
        MetaV1.LabelSelector(matchExpressions: matchExpressions.map(\.generated).nonEmpty, matchLabels: matchLabels.stringMap)
    }
}
