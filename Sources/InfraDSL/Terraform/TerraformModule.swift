/// A Terraform root module written in Swift: the providers it pins, the data sources it reads, the
/// resources it creates and the outputs it gives, over a list of ``TerraformVariable``s. Rendered as
/// one `main.tf` next to the variables' `variables.tf`; before it is written, every reference in it
/// (`var.…`, `data.…`, `type.name.…`) must name something the module declares, as
/// `terraform validate` would require.
///
/// ```swift
/// let key = TerraformBlock.resource("aws_kms_key", "data") {
///     HCLAttribute("enable_key_rotation", true)
/// }
/// let module = TerraformModule(
///     providers: [TerraformProvider("aws", source: "hashicorp/aws", version: "~> 5.80")],
///     variables: variables,
///     blocks: [key],
///     outputs: [TerraformOutput("key_arn", key["arn"], description: "The data key.")])
/// ```
public struct TerraformModule: Sendable {
    /// The Terraform versions the module is written for (`required_version`).
    public var requiredVersion: String
    public var providers: [TerraformProvider]
    public var variables: [TerraformVariable]
    /// Data sources and resources, rendered in this order.
    public var blocks: [TerraformBlock]
    public var outputs: [TerraformOutput]

    public init(
        requiredVersion: String = ">= 1.6.0", providers: [TerraformProvider], variables: [TerraformVariable],
        blocks: [TerraformBlock], outputs: [TerraformOutput]
    ) {
        self.requiredVersion = requiredVersion
        self.providers = providers
        self.variables = variables
        self.blocks = blocks
        self.outputs = outputs
    }

    /// `main.tf`: the `terraform` block, the providers' configuration, the blocks, the outputs.
    public func rendered(header: [String] = []) -> String {
        var items: [HCLBodyItem] = header.map(HCLBodyItem.comment)
        func add(_ block: HCLBlock) {
            if !items.isEmpty { items.append(.blankLine) }
            items.append(.block(block))
        }
        add(HCLBlock("terraform") {
            HCLAttribute("required_version", .string(requiredVersion))
            HCLBlock("required_providers", body: providers.map { provider in
                .attribute(provider.name, .object([HCLAttribute("source", .string(provider.source)), HCLAttribute("version", .string(provider.version))]))
            })
        })
        for provider in providers where !provider.configuration.isEmpty {
            add(HCLBlock("provider", labels: [provider.name], body: provider.configuration))
        }
        for block in blocks { add(block.hcl) }
        for output in outputs { add(output.hcl) }
        return HCLRenderer.render(items)
    }
}

/// A provider the module pins (`required_providers`) and, when `configuration` is not empty,
/// configures (`provider "aws" { region = var.region }`).
public struct TerraformProvider: Sendable {
    /// The local name (`aws`).
    public let name: String
    /// The registry address (`hashicorp/aws`).
    public let source: String
    /// The version constraint (`~> 5.80`).
    public let version: String
    public let configuration: [HCLBodyItem]
    public let location: SourceLocation

    public init(
        _ name: String, source: String, version: String, file: StaticString = #filePath, line: UInt = #line,
        @HCLBodyBuilder configuration: () -> [HCLBodyItem] = { [] }
    ) {
        self.name = name
        self.source = source
        self.version = version
        self.configuration = configuration()
        location = SourceLocation(file, line)
    }
}

/// A `resource`, `data` or `ephemeral` block, with the line of Swift that wrote it. Its attributes are referred
/// to through it (`database["address"]`), so a reference always spells the address of a block
/// that exists.
public struct TerraformBlock: Sendable {
    public enum Kind: String, Sendable {
        case resource, data
        /// Read or made during each run and never stored in the state (Terraform 1.10+): a
        /// generated password that only write-only attributes receive.
        case ephemeral
    }

    public let kind: Kind
    /// The resource type (`aws_db_instance`).
    public let type: String
    /// The block's name in the module (`main`).
    public let name: String
    public let body: [HCLBodyItem]
    /// Scanner findings this block causes on purpose, each with its reason; written as
    /// `# checkov:skip=CHECK: reason` comments at the top of the block, where the scanner reads them.
    public private(set) var skips: [(check: String, reason: String)] = []
    public let location: SourceLocation

    /// A `resource "type" "name"` block.
    public static func resource(
        _ type: String, _ name: String, file: StaticString = #filePath, line: UInt = #line, @HCLBodyBuilder _ body: () -> [HCLBodyItem]
    ) -> TerraformBlock {
        TerraformBlock(kind: .resource, type: type, name: name, body: body(), location: SourceLocation(file, line))
    }

    /// A `data "type" "name"` block.
    public static func data(
        _ type: String, _ name: String, file: StaticString = #filePath, line: UInt = #line, @HCLBodyBuilder _ body: () -> [HCLBodyItem]
    ) -> TerraformBlock {
        TerraformBlock(kind: .data, type: type, name: name, body: body(), location: SourceLocation(file, line))
    }

    /// An `ephemeral "type" "name"` block.
    public static func ephemeral(
        _ type: String, _ name: String, file: StaticString = #filePath, line: UInt = #line, @HCLBodyBuilder _ body: () -> [HCLBodyItem]
    ) -> TerraformBlock {
        TerraformBlock(kind: .ephemeral, type: type, name: name, body: body(), location: SourceLocation(file, line))
    }

    /// How expressions refer to the block: `aws_db_instance.main`, `data.aws_vpc.main`,
    /// `ephemeral.aws_secretsmanager_random_password.database`.
    public var address: String {
        switch kind {
        case .resource: "\(type).\(name)"
        case .data, .ephemeral: "\(kind.rawValue).\(type).\(name)"
        }
    }

    /// A reference to one of the block's attributes: `database["address"]` is
    /// `aws_db_instance.main.address`.
    public subscript(attribute: String) -> HCLValue { .expression("\(address).\(attribute)") }

    /// The same block with a scanner finding skipped, for the reason given.
    public func skipping(_ check: String, because reason: String) -> TerraformBlock {
        var copy = self
        copy.skips.append((check, reason))
        return copy
    }

    var hcl: HCLBlock {
        let comments = skips.map { HCLBodyItem.comment("checkov:skip=\($0.check): \($0.reason)") }
        return HCLBlock(kind.rawValue, labels: [type, name], body: comments + body)
    }
}

/// An `output` of the module: what other configuration (the Kubernetes side, a pipeline) reads
/// after `terraform apply`.
public struct TerraformOutput: Sendable {
    public let name: String
    public let value: HCLValue
    public let description: String
    public let sensitive: Bool
    public let location: SourceLocation

    public init(_ name: String, _ value: HCLValue, description: String, sensitive: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        self.name = name
        self.value = value
        self.description = description
        self.sensitive = sensitive
        location = SourceLocation(file, line)
    }

    var hcl: HCLBlock {
        HCLBlock("output", labels: [name]) {
            HCLAttribute("description", .string(description))
            HCLAttribute("value", value)
            if sensitive { HCLAttribute("sensitive", true) }
        }
    }
}
