/// A Prometheus alerting-rules file (`groups:`), typed.
public struct AlertRuleFile: Encodable, Sendable {
    /// A group of rules evaluated together.
    public struct Group: Encodable, Sendable {
        public var name: String
        public var interval: Seconds?
        public var rules: [AlertRule]

        public init(name: String, interval: Seconds? = nil, rules: [AlertRule]) {
            self.name = name
            self.interval = interval
            self.rules = rules
        }
    }

    public var groups: [Group]

    /// A rules file.
    public init(groups: [Group]) { self.groups = groups }
}

/// How urgent an alert is; routes on it.
public enum AlertSeverity: String, Encodable, Sendable {
    case critical, warning, info
}

/// One alerting rule: fires when `expr` has results for `for`.
public struct AlertRule: Encodable, Sendable {
    public var alert: String
    public var expr: String
    public var duration: Seconds
    public var labels: Labels
    public var annotations: Labels

    /// An alert with its severity, summary and description.
    public init(_ alert: String, expr: String, for duration: Seconds, severity: AlertSeverity, summary: String, description: String, labels: Labels = .none) {
        self.alert = alert
        self.expr = expr
        self.duration = duration
        self.labels = labels.merging(Labels([("severity", severity.rawValue)]))
        annotations = Labels([("summary", summary), ("description", description)])
    }

    enum CodingKeys: String, CodingKey {
        case alert, expr
        case duration = "for"
        case labels, annotations
    }
}
