import InfraDSL

/// Every environment of the trading system. Adding one is its value (a ``Stage``) and one entry in
/// ``stages``; the output, the checks, the Terraform variables, promotion and the docs follow.
public enum Catalog {
    /// Every environment's value, each running the given image pins. Promotion goes along
    /// ``Stage/promotedFrom``; this order is the order of output, docs and the parity check.
    static let stages: [@Sendable (ImagePins) -> Stage] = [
        { Development.stage(with: $0) }, { Staging.stage(with: $0) }, { Production.stage(with: $0) }, { ProductionDR.stage(with: $0) },
    ]

    /// The environments `gen` knows, running the current image pins.
    public static var environments: [Environment] { environments(with: .current) }

    /// The environments running the given image pins.
    public static func environments(with pins: ImagePins) -> [Environment] {
        stages(with: pins).map(\.environment)
    }

    /// Every environment's value with the given pins.
    static func stages(with pins: ImagePins) -> [Stage] { stages.map { $0(pins) } }

    /// Environment names, in catalog order.
    public static var names: [String] { stages(with: .current).map(\.name) }

    /// The promotion graph: each environment and the one it takes its image from.
    public static var promotions: [(from: String, to: String)] {
        stages(with: .current).compactMap { stage in stage.promotedFrom.map { ($0, stage.name) } }
    }

    /// Whether an environment trades real money (its changes get the strictest review).
    public static func isLive(_ name: String) -> Bool {
        stage(named: name)?.diverges(.live) ?? false
    }

    /// The environment called `name`, if any.
    public static func environment(named name: String) -> Environment? {
        stage(named: name)?.environment
    }

    /// The stage (config, namespace, image) of an environment.
    static func stage(named name: String, pins: ImagePins = .current) -> Stage? {
        stages(with: pins).first { $0.name == name }
    }

    /// The application config of every environment, by name: what the engine reads.
    public static var configs: [String: AppConfig] {
        Dictionary(uniqueKeysWithValues: stages(with: .current).map { ($0.name, $0.config) })
    }
}

extension Stage {
    /// The environment this value describes.
    var environment: Environment { TradingSystem.environment(self) }
}
