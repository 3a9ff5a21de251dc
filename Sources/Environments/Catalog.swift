import InfraDSL

/// Every environment of the trading system, in promotion order.
public enum Catalog {
    /// The environments `gen` knows, by name.
    public static var environments: [Environment] {
        [Production.environment]
    }

    /// The environment called `name`, if any.
    public static func environment(named name: String) -> Environment? {
        environments.first { $0.name == name }
    }
}
