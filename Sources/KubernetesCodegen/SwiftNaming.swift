/// Turns schema names into Swift identifiers.
enum SwiftNaming {
    /// Words Swift reserves, which need backticks as property names.
    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "false", "is", "nil", "self", "Self", "super",
        "throws", "true", "try", "Type", "Protocol", "await", "async", "some", "any", "consume", "borrowing",
        "consuming", "copy", "discard", "each", "macro",
    ]

    /// Type names that would shadow the standard library or our support types inside a generated scope,
    /// or that Swift does not allow as nested type names.
    private static let reservedTypeNames: Set<String> = [
        "String", "Int", "Double", "Bool", "Array", "Dictionary", "Optional", "Type", "Protocol", "Self",
        "Quantity", "IntOrString", "JSONValue", "StringMap", "CodingKeys", "Any", "Never", "Error",
    ]

    /// The parts of a name split at every character that cannot be in an identifier.
    private static func words(_ name: String) -> [String] {
        name.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }.map(String.init)
    }

    /// `x-kubernetes-map` → `xKubernetesMap`; `$ref` → `ref`; `3d` → `_3d`; keywords backticked.
    static func propertyName(_ jsonName: String) -> String {
        let parts = words(jsonName)
        guard let first = parts.first else { return "_" }
        var name = first + parts.dropFirst().map(capitalized).joined()
        if name.first!.isNumber { name = "_" + name }
        // `self` as a parameter name would hide the instance inside the initializer.
        if name == "self" || name == "Self" { name += "Value" }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// The name without backticks, as it appears in a coding key comparison.
    static func bare(_ swiftName: String) -> String {
        swiftName.filter { $0 != "`" }
    }

    /// `matchLabels` → `MatchLabels`; reserved names get a `Value` suffix.
    static func typeName(_ name: String) -> String {
        var result = words(name).map(capitalized).joined()
        if result.isEmpty { result = "Value" }
        if result.first!.isNumber { result = "_" + result }
        return reservedTypeNames.contains(result) ? result + "Value" : result
    }

    /// `IfNotPresent` → `ifNotPresent`; `TCP` → `tcp`; `ClusterIP` → `clusterIP`; `""` → `empty`.
    static func caseName(_ rawValue: String) -> String {
        var parts = words(rawValue)
        if parts.isEmpty && !rawValue.isEmpty {
            // A value of symbols alone (`=~`, `!=`): spell each symbol.
            let spelled: [Character: String] = [
                "!": "not", "=": "equal", "~": "tilde", "<": "less", ">": "greater", "*": "star", "+": "plus",
                "-": "minus", "/": "slash", ".": "dot", "%": "percent", "&": "and", "|": "or", "^": "caret",
            ]
            parts = rawValue.map { spelled[$0] ?? "symbol" }
        }
        guard !parts.isEmpty else { return "empty" }
        let joined = parts.map(capitalized).joined()
        let characters = Array(joined)
        var upperRun = 0
        while upperRun < characters.count, characters[upperRun].isUppercase { upperRun += 1 }
        let lowered: Int
        if upperRun <= 1 || upperRun == characters.count {
            lowered = upperRun == characters.count ? upperRun : 1
        } else {
            lowered = characters[upperRun].isLetter ? upperRun - 1 : upperRun
        }
        var name = String(characters[..<lowered]).lowercased() + String(characters[lowered...])
        if name.first!.isNumber { name = "_" + name }
        if name == "unknown" { name = "unknownValue" }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// Case names for values in order, made distinct (`a-b` and `a_b` give `aB` and `aB2`).
    static func caseNames(_ rawValues: [String]) -> [(swiftName: String, rawValue: String)] {
        var used: Set<String> = []
        return rawValues.map { raw in
            let base = caseName(raw)
            var name = base
            var number = 2
            while used.contains(bare(name)) {
                name = "\(bare(base))\(number)"
                number += 1
            }
            used.insert(bare(name))
            return (swiftName: name, rawValue: raw)
        }
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `apps` + `v1` → `AppsV1`; `external-secrets.io` + `v1beta1` → `ExternalSecretsV1beta1`;
    /// the core group (empty) → `CoreV1`; `rbac.authorization.k8s.io` → `RbacV1`.
    static func namespaceName(group: String, version: String) -> String {
        let label = group.split(separator: ".").first.map(String.init) ?? ""
        let prefix = label.isEmpty ? "Core" : typeName(label)
        return prefix + typeName(version)
    }
}
