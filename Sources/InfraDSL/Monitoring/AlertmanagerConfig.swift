/// An Alertmanager configuration, typed. Credentials are never inline: receivers read them from
/// files (`api_url_file`) mounted from a Secret.
public struct AlertmanagerConfig: Encodable, Sendable {
    /// A routing node.
    public struct Route: Encodable, Sendable {
        public var receiver: String
        public var matchers: [String]?
        public var groupBy: [String]?
        public var groupWait: Seconds?
        public var groupInterval: Seconds?
        public var repeatInterval: Seconds?
        public var `continue`: Bool?
        public var routes: [Route]?

        public init(
            receiver: String, matchers: [String]? = nil, groupBy: [String]? = nil, groupWait: Seconds? = nil,
            groupInterval: Seconds? = nil, repeatInterval: Seconds? = nil, continue: Bool? = nil, routes: [Route]? = nil
        ) {
            self.receiver = receiver
            self.matchers = matchers
            self.groupBy = groupBy
            self.groupWait = groupWait
            self.groupInterval = groupInterval
            self.repeatInterval = repeatInterval
            self.continue = `continue`
            self.routes = routes
        }

        enum CodingKeys: String, CodingKey {
            case receiver, matchers
            case groupBy = "group_by"
            case groupWait = "group_wait"
            case groupInterval = "group_interval"
            case repeatInterval = "repeat_interval"
            case `continue`
            case routes
        }
    }

    /// A webhook target (a paging relay, say).
    public struct Webhook: Encodable, Sendable {
        public var url: String
        public var sendResolved: Bool

        public init(url: String, sendResolved: Bool = true) {
            self.url = url
            self.sendResolved = sendResolved
        }

        enum CodingKeys: String, CodingKey {
            case url
            case sendResolved = "send_resolved"
        }
    }

    /// A Slack channel; the webhook URL is read from a file.
    public struct Slack: Encodable, Sendable {
        public var apiURLFile: String
        public var channel: String
        public var sendResolved: Bool

        public init(apiURLFile: String, channel: String, sendResolved: Bool = true) {
            self.apiURLFile = apiURLFile
            self.channel = channel
            self.sendResolved = sendResolved
        }

        enum CodingKeys: String, CodingKey {
            case apiURLFile = "api_url_file"
            case channel
            case sendResolved = "send_resolved"
        }
    }

    /// A named set of notification targets.
    public struct Receiver: Encodable, Sendable {
        public var name: String
        public var webhookConfigs: [Webhook]?
        public var slackConfigs: [Slack]?

        public init(name: String, webhookConfigs: [Webhook]? = nil, slackConfigs: [Slack]? = nil) {
            self.name = name
            self.webhookConfigs = webhookConfigs
            self.slackConfigs = slackConfigs
        }

        enum CodingKeys: String, CodingKey {
            case name
            case webhookConfigs = "webhook_configs"
            case slackConfigs = "slack_configs"
        }
    }

    /// Mutes `target` alerts while a `source` alert fires with the same `equal` labels.
    public struct InhibitRule: Encodable, Sendable {
        public var sourceMatchers: [String]
        public var targetMatchers: [String]
        public var equal: [String]

        public init(sourceMatchers: [String], targetMatchers: [String], equal: [String]) {
            self.sourceMatchers = sourceMatchers
            self.targetMatchers = targetMatchers
            self.equal = equal
        }

        enum CodingKeys: String, CodingKey {
            case sourceMatchers = "source_matchers"
            case targetMatchers = "target_matchers"
            case equal
        }
    }

    public var route: Route
    public var receivers: [Receiver]
    public var inhibitRules: [InhibitRule]?

    /// A configuration.
    public init(route: Route, receivers: [Receiver], inhibitRules: [InhibitRule]? = nil) {
        self.route = route
        self.receivers = receivers
        self.inhibitRules = inhibitRules
    }

    enum CodingKeys: String, CodingKey {
        case route, receivers
        case inhibitRules = "inhibit_rules"
    }
}
