/// Builds the objects of an environment. Only Kubernetes objects (``Resource``s) are accepted; a
/// container or an environment variable written here is a compile error.
@resultBuilder
public enum ResourceBuilder: ListBuilder {
    public typealias Part = any Resource
    public static func buildExpression(_ resource: some Resource) -> [Part] { [resource] }
    public static func buildExpression(_ resources: [some Resource]) -> [Part] { resources }
}
