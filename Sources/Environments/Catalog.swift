import InfraDSL

/// Every environment of the trading system, in promotion order.
public enum Catalog {
    /// The environments `gen` knows, in promotion order.
    public static var environments: [Environment] {
        [Development.environment, Staging.environment, Production.environment]
    }

    /// The environment called `name`, if any.
    public static func environment(named name: String) -> Environment? {
        environments.first { $0.name == name }
    }

    /// The application config of every environment, by name: what the engine reads.
    public static var configs: [String: AppConfig] {
        Dictionary(uniqueKeysWithValues: [Development.stage, Staging.stage, Production.stage].map { ($0.name, $0.config) })
    }
}
