/// A Prometheus server configuration (`prometheus.yml`), typed.
public struct PrometheusConfig: Encodable, Sendable {
    /// Defaults for every scrape.
    public struct Global: Encodable, Sendable {
        public var scrapeInterval: Seconds
        public var evaluationInterval: Seconds
        public var externalLabels: Labels?

        public init(scrapeInterval: Seconds, evaluationInterval: Seconds, externalLabels: Labels? = nil) {
            self.scrapeInterval = scrapeInterval
            self.evaluationInterval = evaluationInterval
            self.externalLabels = externalLabels
        }

        enum CodingKeys: String, CodingKey {
            case scrapeInterval = "scrape_interval"
            case evaluationInterval = "evaluation_interval"
            case externalLabels = "external_labels"
        }
    }

    /// A fixed list of targets with extra labels.
    public struct StaticTargets: Encodable, Sendable {
        public var targets: [String]
        public var labels: Labels?

        public init(targets: [String], labels: Labels? = nil) {
            self.targets = targets
            self.labels = labels
        }
    }

    /// One scrape job.
    public struct ScrapeJob: Encodable, Sendable {
        public var jobName: String
        public var scrapeInterval: Seconds?
        public var metricsPath: String?
        public var staticConfigs: [StaticTargets]

        public init(jobName: String, scrapeInterval: Seconds? = nil, metricsPath: String? = nil, staticConfigs: [StaticTargets]) {
            self.jobName = jobName
            self.scrapeInterval = scrapeInterval
            self.metricsPath = metricsPath
            self.staticConfigs = staticConfigs
        }

        enum CodingKeys: String, CodingKey {
            case jobName = "job_name"
            case scrapeInterval = "scrape_interval"
            case metricsPath = "metrics_path"
            case staticConfigs = "static_configs"
        }
    }

    public var global: Global
    public var ruleFiles: [String]?
    public var scrapeConfigs: [ScrapeJob]

    /// A configuration.
    public init(global: Global, ruleFiles: [String]? = nil, scrapeConfigs: [ScrapeJob]) {
        self.global = global
        self.ruleFiles = ruleFiles
        self.scrapeConfigs = scrapeConfigs
    }

    enum CodingKeys: String, CodingKey {
        case global
        case ruleFiles = "rule_files"
        case scrapeConfigs = "scrape_configs"
    }
}

extension Labels: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}


/// A coding key made at run time.
struct DynamicKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
