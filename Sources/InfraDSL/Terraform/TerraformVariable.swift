/// A Terraform type constraint.
public indirect enum TerraformType: Hashable, Sendable {
    case string, number, bool
    case list(TerraformType)
    case map(TerraformType)
    case object([(String, TerraformType)])

    /// The type as HCL writes it: `list(string)`, `object({ a = string })`.
    public var expression: String {
        switch self {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .list(let element): return "list(\(element.expression))"
        case .map(let element): return "map(\(element.expression))"
        case .object(let fields):
            return "object({ " + fields.map { "\($0.0) = \($0.1.expression)" }.joined(separator: ", ") + " })"
        }
    }

    public static func == (lhs: TerraformType, rhs: TerraformType) -> Bool { lhs.expression == rhs.expression }
    public func hash(into hasher: inout Hasher) { hasher.combine(expression) }
}

/// One `validation` block: a typed rule over the variable and the message when it fails.
public struct TerraformValidation: Hashable, Sendable {
    public let rule: TerraformRule
    public let message: String

    public init(_ rule: TerraformRule, _ message: String) {
        self.rule = rule
        self.message = message
    }
}

/// A Terraform input variable and its value for one environment. Declared once, so `variables.tf`
/// and the `.tfvars` file cannot disagree on a name or type.
public struct TerraformVariable: Hashable, Sendable {
    public let name: String
    public let type: TerraformType
    public let description: String
    /// The value written to the `.tfvars` file; nil for values supplied elsewhere (credentials).
    public let value: HCLValue?
    public let sensitive: Bool
    public let validations: [TerraformValidation]
    /// Where it was declared.
    public let location: SourceLocation

    public init(
        _ name: String, type: TerraformType, description: String, value: HCLValue?, sensitive: Bool = false,
        validations: [TerraformValidation] = [], file: StaticString = #filePath, line: UInt = #line
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.value = value
        self.sensitive = sensitive
        self.validations = validations
        location = SourceLocation(file, line)
    }

    /// A string variable that must be one of `allowed`.
    public static func oneOf(
        _ name: String, _ allowed: [String], description: String, value: String, file: StaticString = #filePath, line: UInt = #line
    ) -> TerraformVariable {
        TerraformVariable(
            name, type: .string, description: description, value: .string(value),
            validations: [TerraformValidation(.oneOf(allowed), "\(name) must be one of \(allowed.joined(separator: ", ")).")],
            file: file, line: line)
    }

    /// A whole number within `range`.
    public static func integer(
        _ name: String, in range: ClosedRange<Int>, description: String, value: Int, file: StaticString = #filePath, line: UInt = #line
    ) -> TerraformVariable {
        TerraformVariable(
            name, type: .number, description: description, value: .number(value),
            validations: [TerraformValidation(.wholeNumber(range), "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")],
            file: file, line: line)
    }

    /// Why Terraform would reject the value we emit: a value of another type than declared, or
    /// one that fails a validation (with its message). A value supplied at apply time (nil) is
    /// checked by Terraform then.
    public var violations: [String] {
        guard let value else { return [] }
        guard type.admits(value) else { return ["the value \(HCLRenderer.value(value, indent: 0)) is not a \(type.expression)"] }
        return validations.filter { !$0.rule.holds(for: value) }.map { "the value \(HCLRenderer.value(value, indent: 0)) fails its validation: \($0.message)" }
    }
}

extension TerraformType {
    /// Whether Terraform accepts `value` for this type without conversion.
    func admits(_ value: HCLValue) -> Bool {
        switch (self, value) {
        case (_, .null): return true
        case (.string, .string), (.number, .number), (.bool, .bool): return true
        case (.list(let element), .list(let items)): return items.allSatisfy(element.admits)
        case (.map(let element), .object(let attributes)): return attributes.allSatisfy { element.admits($0.value) }
        case (.object(let fields), .object(let attributes)):
            let declared = Dictionary(fields, uniquingKeysWith: { first, _ in first })
            return attributes.allSatisfy { declared[$0.name]?.admits($0.value) ?? false }
        default: return false
        }
    }
}

/// Renders a set of variables as `variables.tf` and a `.tfvars` file.
public enum TerraformFiles {
    /// `variable` blocks with type, description, sensitivity and validations.
    public static func variables(_ variables: [TerraformVariable], header: [String] = []) -> String {
        var items: [HCLBodyItem] = header.map(HCLBodyItem.comment)
        for variable in variables {
            if !items.isEmpty { items.append(.blankLine) }
            var body: [HCLBodyItem] = [
                .attribute("type", .expression(variable.type.expression)),
                .attribute("description", .string(variable.description)),
            ]
            if variable.sensitive {
                body.append(.attribute("sensitive", true))
                body.append(.attribute("nullable", false))
            }
            for validation in variable.validations {
                body.append(.block(HCLBlock("validation", body: [
                    .attribute("condition", .expression(validation.rule.condition(for: variable.name))),
                    .attribute("error_message", .string(validation.message)),
                ])))
            }
            items.append(.block(HCLBlock("variable", labels: [variable.name], body: body)))
        }
        return HCLRenderer.render(items)
    }

    /// `name = value` for every variable that has a value; the others are listed in comments.
    public static func values(_ variables: [TerraformVariable], header: [String] = []) -> String {
        var items: [HCLBodyItem] = header.map(HCLBodyItem.comment)
        if !items.isEmpty { items.append(.blankLine) }
        for variable in variables {
            if let value = variable.value {
                items.append(.attribute(variable.name, value))
            }
        }
        let supplied = variables.filter { $0.value == nil }.map(\.name)
        if !supplied.isEmpty {
            items.append(.blankLine)
            items.append(.comment("Not here, supplied at apply time from the secrets manager: \(supplied.joined(separator: ", "))."))
        }
        return HCLRenderer.render(items)
    }
}
