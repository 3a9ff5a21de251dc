/// Swift names for what `gen import` writes: types for namespaces and applications, properties for
/// objects, each unique in its scope and never one a Swift keyword or a type the code uses.
struct ImportNaming {
    /// `checkout-service` → `CheckoutService`.
    static func typeName(_ text: String) -> String {
        let name = words(text).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        guard let first = name.first else { return "Unnamed" }
        return first.isNumber ? "N" + name : name
    }

    /// `checkout-service` → `checkoutService`; a keyword in backticks.
    static func propertyName(_ text: String) -> String {
        let upper = typeName(text)
        let name = upper.prefix(1).lowercased() + upper.dropFirst()
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// The alphanumeric runs of `text`, each keeping its own case after the first letter.
    private static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }.map(String.init)
    }

    /// Names taken in a scope so far.
    private var taken: Set<String>

    /// A scope where `reserved` are already taken.
    init(reserved: Set<String> = []) { taken = reserved }

    /// `preferred`, or, if that is taken, `fallback`, or that with a number.
    mutating func claim(_ preferred: String, else fallback: String) -> String {
        for candidate in [preferred, fallback] where !taken.contains(candidate) {
            taken.insert(candidate)
            return candidate
        }
        var number = 2
        while taken.contains("\(fallback)\(number)") { number += 1 }
        taken.insert("\(fallback)\(number)")
        return "\(fallback)\(number)"
    }

    /// Type names the imported code uses unqualified, which its own types must not shadow.
    static let usedTypes: Set<String> = [
        "APIObject", "Environment", "EnvironmentBuilder", "EnvironmentPart", "DevelopmentEnvironmentBuilder",
        "Service", "ServicePort", "PodDisruptionBudget", "Labels", "RenderCommand", "Port", "PortProtocol",
        "AppsV1", "AutoscalingV2", "BatchV1", "CoreV1", "MetaV1", "NetworkingV1", "PolicyV1", "RbacV1", "SchedulingV1",
        "String", "Int", "Double", "Bool", "Array", "Dictionary", "Optional", "Never", "Any", "Self", "Type",
        "JSONValue", "IntOrString", "Quantity", "StringMap",
    ]

    /// Words Swift reserves as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "false", "is", "nil", "self", "super", "throws", "true", "try", "await", "any",
        "some", "consume", "copy", "discard", "each", "borrowing", "consuming", "package",
    ]
}
