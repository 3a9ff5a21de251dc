extension TerraformVariable {
    /// The variable in an expression: `var.<name>`.
    public var reference: HCLValue { .expression("var.\(name)") }
}

extension TerraformModule {
    /// One thing `terraform validate` would refuse, at the Swift line that wrote it.
    public struct Problem: Sendable, Equatable {
        public let message: String
        public let location: SourceLocation
    }

    /// What is wrong with the module: two blocks or outputs with one address, and every reference to
    /// a variable, data source or resource the module does not declare.
    public var problems: [Problem] {
        var problems: [Problem] = []
        var addresses: Set<String> = []
        for block in blocks where !addresses.insert(block.address).inserted {
            problems.append(Problem(message: "\(block.address) is declared twice", location: block.location))
        }
        var outputNames: Set<String> = []
        for output in outputs where !outputNames.insert(output.name).inserted {
            problems.append(Problem(message: "output \(output.name) is declared twice", location: output.location))
        }
        let variableNames = Set(variables.map(\.name))
        func check(_ expression: String, in place: String, at location: SourceLocation, iterators: Set<String> = []) {
            for reference in TerraformReferences.scan(expression) where !iterators.contains(reference[0]) {
                let known = switch reference.first {
                case "var": variableNames.contains(reference.dropFirst().first ?? "")
                case "data", "ephemeral": addresses.contains(reference.prefix(3).joined(separator: "."))
                default: addresses.contains(reference.prefix(2).joined(separator: "."))
                }
                if !known {
                    problems.append(Problem(
                        message: "\(place) refers to \(reference.joined(separator: ".")), which the module does not declare",
                        location: location))
                }
            }
        }
        for provider in providers {
            for expression in provider.configuration.flatMap(\.expressions) { check(expression, in: "provider \(provider.name)", at: provider.location) }
        }
        for block in blocks {
            let iterators = Set(block.body.flatMap(\.dynamicBlockNames))
            for expression in block.body.flatMap(\.expressions) { check(expression, in: block.address, at: block.location, iterators: iterators) }
        }
        for output in outputs {
            for expression in output.value.expressions { check(expression, in: "output \(output.name)", at: output.location) }
        }
        return problems
    }
}

extension HCLBodyItem {
    /// Every expression written as HCL in the item, nested blocks and values included.
    var expressions: [String] {
        switch self {
        case .attribute(let attribute): attribute.value.expressions
        case .block(let block): block.body.flatMap(\.expressions)
        case .comment, .blankLine: []
        }
    }
}

extension HCLBodyItem {
    /// The iterator names `dynamic "name" { … }` blocks bind inside the item (`name.key`).
    var dynamicBlockNames: [String] {
        guard case .block(let block) = self else { return [] }
        let own = block.type == "dynamic" ? block.labels : []
        return own + block.body.flatMap(\.dynamicBlockNames)
    }
}

extension HCLValue {
    var expressions: [String] {
        switch self {
        case .expression(let text): [text]
        case .list(let items): items.flatMap(\.expressions)
        case .object(let attributes): attributes.flatMap(\.value.expressions)
        case .string, .number, .bool, .null: []
        }
    }
}

/// Finds the references in an HCL expression: each chain of names joined by dots that starts a
/// traversal (`var.region`, `data.aws_vpc.main.id`, `aws_db_instance.replica[0].address`), outside
/// string literals except inside their `${…}` interpolations. Function calls (`jsonencode(…)`),
/// single names (object keys, `for` variables) and the names Terraform itself provides (`count`,
/// `each`, `local`, `path`, `self`, `terraform`) are not references to declarations.
enum TerraformReferences {
    private static let builtIn: Set<String> = ["count", "each", "local", "path", "self", "terraform"]

    static func scan(_ expression: String) -> [[String]] {
        let characters = Array(expression.unicodeScalars)
        var references: [[String]] = []
        /// Open string literals and interpolations: `true` for a string, `false` for a `${`
        /// (whose closing brace returns to the string around it) or a brace inside one.
        var stack: [Bool] = []
        var index = 0
        var forVariables: Set<String> = []
        while index < characters.count {
            let character = characters[index]
            if stack.last == true {
                // Inside a string: only an interpolation or the closing quote matters.
                if character == "\\" { index += 2; continue }
                if character == "\"" { stack.removeLast() }
                if character == "$", index + 1 < characters.count, characters[index + 1] == "{" {
                    stack.append(false)
                    index += 1
                }
                index += 1
                continue
            }
            switch character {
            case "\"": stack.append(true); index += 1; continue
            case "{": if !stack.isEmpty { stack.append(false) }; index += 1; continue
            case "}": if !stack.isEmpty { stack.removeLast() }; index += 1; continue
            default: break
            }
            guard isNameStart(character), index == 0 || !isNamePart(characters[index - 1]) && characters[index - 1] != "." else {
                index += 1
                continue
            }
            var chain: [String] = []
            var position = index
            while position < characters.count, isNameStart(characters[position]) {
                var end = position
                while end < characters.count, isNamePart(characters[end]) { end += 1 }
                chain.append(String(String.UnicodeScalarView(characters[position..<end])))
                position = end
                guard position + 1 < characters.count, characters[position] == ".", isNameStart(characters[position + 1]) else { break }
                position += 1
            }
            let calls = position < characters.count && characters[position] == "("
            if chain.first == "for", chain.count == 1 {
                // `for name in …` and `for key, value in …` bind names for the rest of the expression.
                var scan = position
                while scan < characters.count, characters[scan] != ":" {
                    if isNameStart(characters[scan]) {
                        var end = scan
                        while end < characters.count, isNamePart(characters[end]) { end += 1 }
                        let word = String(String.UnicodeScalarView(characters[scan..<end]))
                        if word == "in" { break }
                        forVariables.insert(word)
                        scan = end
                    } else {
                        scan += 1
                    }
                }
            } else if chain.count >= 2, !calls, let first = chain.first, !builtIn.contains(first), !forVariables.contains(first) {
                references.append(chain)
            }
            index = position
        }
        return references
    }

    private static func isNameStart(_ character: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(character) || ("A"..."Z").contains(character) || character == "_"
    }

    private static func isNamePart(_ character: Unicode.Scalar) -> Bool {
        isNameStart(character) || ("0"..."9").contains(character) || character == "-"
    }
}
