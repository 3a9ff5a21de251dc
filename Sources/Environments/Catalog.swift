import InfraDSL

/// Every environment of the trading system, in promotion order.
public enum Catalog {
    /// The environments `gen` knows, in promotion order, running the current image pins.
    public static var environments: [Environment] { environments(with: .current) }

    /// The environments running the given image pins.
    public static func environments(with pins: ImagePins) -> [Environment] {
        [Development.environment(with: pins), Staging.environment(with: pins), Production.environment(with: pins)]
    }

    /// Environment names in promotion order: each one is promoted only to the next.
    public static let promotionOrder = [Development.name, Staging.name, Production.name]

    /// The environment called `name`, if any.
    public static func environment(named name: String) -> Environment? {
        environments.first { $0.name == name }
    }

    /// The stage (config, namespace, image) of an environment.
    static func stage(named name: String, pins: ImagePins = .current) -> Stage? {
        [Development.stage(with: pins), Staging.stage(with: pins), Production.stage(with: pins)].first { $0.name == name }
    }

    /// The application config of every environment, by name: what the engine reads.
    public static var configs: [String: AppConfig] {
        Dictionary(uniqueKeysWithValues: [Development.stage, Staging.stage, Production.stage].map { ($0.name, $0.config) })
    }
}
