/// A value in HCL, the configuration language of Terraform.
public indirect enum HCLValue: Hashable, Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case list([HCLValue])
    /// An object or map: keys in the order given.
    case object([HCLAttribute])
    /// A bare expression written as is: a type (`list(string)`), a reference (`var.name`), a call.
    case expression(String)
    /// `null`.
    case null
}

/// `name = value`.
public struct HCLAttribute: Hashable, Sendable {
    public let name: String
    public let value: HCLValue

    public init(_ name: String, _ value: HCLValue) {
        self.name = name
        self.value = value
    }
}

/// A block: `type "label" { body }`.
public struct HCLBlock: Hashable, Sendable {
    public let type: String
    public let labels: [String]
    public let body: [HCLBodyItem]

    public init(_ type: String, labels: [String] = [], body: [HCLBodyItem]) {
        self.type = type
        self.labels = labels
        self.body = body
    }
}

/// One item of a file or a block body.
public enum HCLBodyItem: Hashable, Sendable {
    case attribute(HCLAttribute)
    case block(HCLBlock)
    /// A `#` comment line (one item per line of text).
    case comment(String)
    /// An empty line, which also ends a run of aligned attributes.
    case blankLine

    /// `name = value`.
    public static func attribute(_ name: String, _ value: HCLValue) -> HCLBodyItem { .attribute(HCLAttribute(name, value)) }
}

extension HCLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
