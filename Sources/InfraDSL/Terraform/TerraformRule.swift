import Foundation

/// A rule a Terraform variable's value must follow. It is written into `variables.tf` as the
/// `validation` block Terraform evaluates at plan time, and evaluated here against the value we
/// emit, so a `.tfvars` file that Terraform would reject is an error before it is written.
///
/// ```swift
/// TerraformVariable("db_engine_version", type: .string, description: "PostgreSQL version.", value: "15.5",
///                   validations: [.init(.pattern(#"^15\.[0-9]+$"#), "db_engine_version must be a PostgreSQL 15 release.")])
/// ```
public enum TerraformRule: Hashable, Sendable {
    /// A string among these.
    case oneOf([String])
    /// A whole number within the range.
    case wholeNumber(ClosedRange<Int>)
    /// An IPv4 or IPv6 CIDR block (`cidrhost(value, 0)` succeeds).
    case cidrBlock
    /// A string in which this regular expression finds a match, as Terraform's `regex` searches it.
    /// Write patterns both RE2 and Swift read alike (classes, anchors, repetition).
    case pattern(String)
    /// A string of at least this many characters.
    case minimumLength(Int)

    /// The HCL condition over `var.<name>`.
    public func condition(for name: String) -> String {
        let variable = "var.\(name)"
        switch self {
        case .oneOf(let allowed):
            return "contains([" + allowed.map { HCLRenderer.quoted($0) }.joined(separator: ", ") + "], \(variable))"
        case .wholeNumber(let range):
            return "\(variable) >= \(range.lowerBound) && \(variable) <= \(range.upperBound) && floor(\(variable)) == \(variable)"
        case .cidrBlock:
            return "can(cidrhost(\(variable), 0))"
        case .pattern(let pattern):
            return "can(regex(\(HCLRenderer.quoted(pattern)), \(variable)))"
        case .minimumLength(let length):
            return "length(\(variable)) >= \(length)"
        }
    }

    /// Whether `value` passes, as Terraform would decide.
    public func holds(for value: HCLValue) -> Bool {
        switch (self, value) {
        case (.oneOf(let allowed), .string(let string)): return allowed.contains(string)
        case (.wholeNumber(let range), .number(let number)): return range.contains(number)
        case (.cidrBlock, .string(let string)): return Self.isCIDRBlock(string)
        case (.pattern(let pattern), .string(let string)):
            guard let regex = try? Regex(pattern) else { return false }
            return string.firstMatch(of: regex) != nil
        case (.minimumLength(let length), .string(let string)): return string.count >= length
        default: return false
        }
    }

    private static func isCIDRBlock(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), parts[1].allSatisfy(\.isASCII) else { return false }
        let address = String(parts[0])
        var ipv4 = in_addr(), ipv6 = in6_addr()
        if inet_pton(AF_INET, address, &ipv4) == 1 { return (0...32).contains(bits) }
        if inet_pton(AF_INET6, address, &ipv6) == 1 { return (0...128).contains(bits) }
        return false
    }
}
