/// Builds the body of an HCL block from attributes, nested blocks and comments, with `if`, `for`
/// and optionals, as the environment builders do:
///
/// ```swift
/// HCLBlock("parameter") {
///     HCLAttribute("name", "rds.force_ssl")
///     HCLAttribute("value", "1")
/// }
/// ```
@resultBuilder
public enum HCLBodyBuilder {
    public static func buildExpression(_ attribute: HCLAttribute) -> [HCLBodyItem] { [.attribute(attribute)] }
    public static func buildExpression(_ block: HCLBlock) -> [HCLBodyItem] { [.block(block)] }
    public static func buildExpression(_ item: HCLBodyItem) -> [HCLBodyItem] { [item] }
    public static func buildExpression(_ items: [HCLBodyItem]) -> [HCLBodyItem] { items }
    public static func buildExpression(_ blocks: [HCLBlock]) -> [HCLBodyItem] { blocks.map(HCLBodyItem.block) }
    public static func buildBlock(_ parts: [HCLBodyItem]...) -> [HCLBodyItem] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [HCLBodyItem]?) -> [HCLBodyItem] { part ?? [] }
    public static func buildEither(first part: [HCLBodyItem]) -> [HCLBodyItem] { part }
    public static func buildEither(second part: [HCLBodyItem]) -> [HCLBodyItem] { part }
    public static func buildArray(_ parts: [[HCLBodyItem]]) -> [HCLBodyItem] { parts.flatMap { $0 } }
}

extension HCLBlock {
    /// `type "label"... { body }` from a builder.
    public init(_ type: String, labels: [String] = [], @HCLBodyBuilder _ body: () -> [HCLBodyItem]) {
        self.init(type, labels: labels, body: body())
    }
}

extension HCLAttribute {
    /// `name = expression`, for a reference or a call written as HCL (`aws_kms_key.data.arn`).
    public static func expression(_ name: String, _ expression: String) -> HCLAttribute {
        HCLAttribute(name, .expression(expression))
    }
}
