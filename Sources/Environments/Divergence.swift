import InfraDSL

/// Something an environment does differently from the shape every environment shares, on purpose.
///
/// Every environment is built by the same code (``TradingSystem``). Where it differs in behaviour
/// and not only in a value, the environment declares it in its own value (`divergences:`) and the
/// shape asks ``Stage/diverges(_:)``. Each divergence says here, once, what it changes and why;
/// `gen docs` and `gen diff` print it, so a reviewer sees a difference as chosen, not forgotten.
enum Divergence: Hashable, Sendable, CaseIterable {
    /// Its own PostgreSQL and Redis in the namespace, with generated development-only credentials,
    /// and a compose file to run the same on a laptop.
    case localServices
    /// General nodes: no engine pool, so no pinning, huge pages, raised priority, unsafe sysctls or
    /// instance-type placement.
    case generalNodes
    /// Pods restart at once: no preStop drain, default probe timeouts, one pod at a time.
    case quickRestarts
    /// Scraped by `prometheus.io` annotations; no Prometheus Operator objects or alert routing.
    case annotationScraping
    /// Developers may change anything in the namespace.
    case openToDevelopers
    /// Operators may only read; changes go through the narrowly scoped `deployer` identity.
    case deployIdentityOnly
    /// The API server audits every change in the namespace (an audit policy is written).
    case auditedAPI
    /// Trades real money: the namespace is labelled critical, critical alerts page the on-call
    /// engineer, and the database cannot be deleted.
    case live
    /// The engines run in one zone, next to the exchange's gateways.
    case singleZone(String)

    static let allCases: [Divergence] = [
        .localServices, .generalNodes, .quickRestarts, .annotationScraping, .openToDevelopers,
        .deployIdentityOnly, .auditedAPI, .live, .singleZone(""),
    ]

    /// A short name, for tables and the diff's header.
    var title: String {
        switch self {
        case .localServices: "own database and cache"
        case .generalNodes: "general nodes"
        case .quickRestarts: "quick restarts"
        case .annotationScraping: "scraped by annotation"
        case .openToDevelopers: "open to developers"
        case .deployIdentityOnly: "changes only through the deploy identity"
        case .auditedAPI: "audited API"
        case .live: "live trading"
        case .singleZone(let zone): zone.isEmpty ? "single zone" : "single zone (\(zone))"
        }
    }

    /// Why an environment diverges this way.
    var reason: String {
        switch self {
        case .localServices:
            "a developer's cluster has no cloud account; the services run next to the engine and are thrown away with it"
        case .generalNodes:
            "a laptop or shared cluster has no dedicated cores or huge pages to give; staging rehearses them"
        case .quickRestarts:
            "nothing trades there, so a restart should not wait for in-flight orders"
        case .annotationScraping:
            "the development Prometheus (compose) reads annotations and runs no operator"
        case .openToDevelopers:
            "developers iterate there; nothing in it is shared"
        case .deployIdentityOnly:
            "a change to live trading is a reviewed rollout, never a hand edit"
        case .auditedAPI:
            "every change to live trading must be traceable to a person"
        case .live:
            "an outage costs money and someone must answer at once; staging rehearses the same routing without paging"
        case .singleZone:
            "latency to the exchange's gateways; staging runs wherever its pool has nodes"
        }
    }

    /// The same divergence whatever its value: `.singleZone("a")` is a kind of `.singleZone("")`.
    func isKind(of other: Divergence) -> Bool {
        switch (self, other) {
        case (.singleZone, .singleZone): true
        default: self == other
        }
    }
}

extension Stage {
    /// Whether this environment declares `divergence` (any value of it, for a divergence with one).
    func diverges(_ divergence: Divergence) -> Bool {
        divergences.contains { $0.isKind(of: divergence) }
    }

    /// Whether every image must be pinned by digest: everywhere but an environment of local services,
    /// which runs developers' builds by tag.
    var pinsImages: Bool { !diverges(.localServices) }

    /// The zone every engine runs in, when the environment declares one.
    var engineZone: String? {
        for case .singleZone(let zone) in divergences { return zone }
        return nil
    }
}
