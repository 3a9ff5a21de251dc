import KubernetesAPI

/// Writes a value of the generated API (or of an imported custom resource) as the Swift expression
/// that builds it: each struct through its initializer with the type named (`AppsV1.DeploymentSpec(
/// replicas: 2, ...)`), fields in Kubernetes' order and absent ones left out, enumerations as their
/// cases, maps as dictionary literals, quantities and int-or-string values as literals. What
/// `gen import` writes into a package, so that compiling and rendering the expression gives the
/// object back.
///
/// The generated initializers take every stored field in declaration order under its own name, so
/// the value's reflection is enough to write the call.
struct SwiftSourceWriter {
    /// One level of indentation.
    static let unit = "    "

    /// Where pod templates and containers are written as properties of their own, when they are:
    /// shorter expressions read better and type-check faster.
    var parts: HoistedParts?

    /// The expression for `value`, its continuation lines indented by `depth` levels.
    func expression(_ value: Any, depth: Int = 0) -> String {
        switch value {
        case let text as String: return Self.stringLiteral(text, depth: depth)
        case let number as Int: return String(number)
        case let number as Double: return Self.doubleLiteral(number)
        case let flag as Bool: return flag ? "true" : "false"
        case let quantity as Quantity: return Self.stringLiteral(quantity.text, depth: depth)
        case let number as IntOrString:
            switch number {
            case .int(let value): return String(value)
            case .string(let text): return Self.stringLiteral(text, depth: depth)
            }
        case let json as JSONValue: return jsonExpression(json, depth: depth)
        case let map as any InspectableMap:
            return dictionary(map.inspectableEntries.map { (Self.stringLiteral($0.key, depth: depth + 1), $0.value) }, depth: depth)
        case let enumeration as any OpenEnumeration: return Self.enumerationCase(enumeration)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            // Only reached for an optional inside a collection; fields leave nil out.
            guard let wrapped = mirror.children.first?.value else { return "nil" }
            return expression(wrapped, depth: depth)
        case .collection:
            return list(mirror.children.map(\.value), depth: depth)
        default:
            if let parts, let name = parts.claimName(for: value) {
                let slot = parts.reserve(name, for: value)
                parts.fill(slot, with: initializer(value, mirror: mirror, depth: 1))
                return name
            }
            return initializer(value, mirror: mirror, depth: depth)
        }
    }

    /// The expression for a top-level object, without its `status` (the API server's report, which
    /// an environment does not write).
    func object(_ value: any KubernetesObject, depth: Int) -> String {
        initializer(value, mirror: Mirror(reflecting: value), depth: depth, leavingOut: ["status"])
    }

    /// `Type(label: value, ...)`, one argument per line when there are any.
    private func initializer(_ value: Any, mirror: Mirror, depth: Int, leavingOut: Set<String> = []) -> String {
        let object = value as? any KubernetesObject
        var arguments: [String] = []
        for child in mirror.children {
            guard let label = child.label else { continue }
            // A kind states its apiVersion and kind by its type.
            if object != nil, label == "apiVersion" || label == "kind" { continue }
            if leavingOut.contains(label) { continue }
            guard let present = Self.present(child.value) else { continue }
            arguments.append("\(label): \(expression(present, depth: depth + 1))")
        }
        let name = Self.typeName(of: value)
        let suffix = object.map { Self.typeFields($0) } ?? ""
        let inline = "\(name)(" + arguments.joined(separator: ", ") + ")" + suffix
        if Self.fitsOnOneLine(inline) { return inline }
        let indent = String(repeating: Self.unit, count: depth + 1)
        let closing = String(repeating: Self.unit, count: depth)
        return "\(name)(\n" + arguments.map { indent + $0 }.joined(separator: ",\n") + "\n\(closing))" + suffix
    }

    /// What an object's own `apiVersion` and `kind` need beyond its initializer, which states its
    /// type's: nothing, `.embedded()` (both left out, as another object may embed it), or both.
    private static func typeFields<Object: KubernetesObject>(_ object: Object) -> String {
        switch (object.apiVersion, object.kind) {
        case (Object.apiVersion?, Object.kind?): return ""
        case (nil, nil): return ".embedded()"
        case (let apiVersion, let kind):
            let version = apiVersion.map { stringLiteral($0, depth: 0) } ?? "nil"
            return ".stating(apiVersion: \(version), kind: \(kind.map { stringLiteral($0, depth: 0) } ?? "nil"))"
        }
    }

    /// A stored value as it is, or the value an optional holds; nil for an absent optional.
    static func present(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    private func list(_ items: [Any], depth: Int) -> String {
        Self.bracketed(items.map { expression($0, depth: depth + 1) }, depth: depth)
    }

    /// Written elements (`value`, or `key: value`) in brackets: on one line when short, else one
    /// per line with a trailing comma.
    private static func bracketed(_ written: [String], depth: Int) -> String {
        let inline = "[" + written.joined(separator: ", ") + "]"
        if fitsOnOneLine(inline) { return inline }
        let indent = String(repeating: unit, count: depth + 1)
        let closing = String(repeating: unit, count: depth)
        return "[\n" + written.map { indent + $0 }.joined(separator: ",\n") + ",\n\(closing)]"
    }

    /// Whether a written value is short enough to stay on the line that names it.
    private static func fitsOnOneLine(_ text: String) -> Bool {
        text.count <= 72 && !text.contains("\n")
    }

    /// A dictionary literal of already written keys; short maps of scalars on one line.
    private func dictionary(_ entries: [(key: String, value: Any)], depth: Int) -> String {
        guard !entries.isEmpty else { return "[:]" }
        return Self.bracketed(entries.map { "\($0.key): \(expression($0.value, depth: depth + 1))" }, depth: depth)
    }

    /// Free-form JSON as literals (`JSONValue` takes every kind of literal; `nil` is JSON's null).
    private func jsonExpression(_ json: JSONValue, depth: Int) -> String {
        switch json {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return Self.doubleLiteral(number)
        case .string(let text): return Self.stringLiteral(text, depth: depth)
        case .array(let items):
            return list(items, depth: depth)
        case .object(let map):
            return dictionary(map.entries.map { (Self.stringLiteral($0.key, depth: depth + 1), $0.value as Any) }, depth: depth)
        }
    }

    /// `.rollingUpdate`, or `.unknown("Sometimes")` for a value the schema does not list (which the
    /// checks then report, as they would in the YAML).
    static func enumerationCase(_ value: any OpenEnumeration) -> String {
        let mirror = Mirror(reflecting: value)
        if let payload = mirror.children.first {
            return ".\(payload.label ?? "unknown")(\(stringLiteral(payload.value as? String ?? "", depth: 0)))"
        }
        // `.none` in an optional field would be read as nil: name the type for it.
        let name = String(describing: value)
        return name == "none" || name == "some" ? "\(typeName(of: value)).\(name)" : ".\(name)"
    }

    /// The type's name as code outside its module writes it (`AppsV1.DeploymentSpec`).
    static func typeName(of value: Any) -> String {
        let full = String(reflecting: type(of: value))
        guard let dot = full.firstIndex(of: ".") else { return full }
        return String(full[full.index(after: dot)...])
    }

    /// A double that reads back as the same double (Swift prints the shortest such digits).
    static func doubleLiteral(_ number: Double) -> String {
        let text = "\(number)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// A string literal: text of several lines as a raw multi-line literal (ConfigMap data reads as
    /// the file it is), anything else escaped on one line.
    static func stringLiteral(_ text: String, depth: Int) -> String {
        if text.contains("\n"), let block = multiLineLiteral(text, depth: depth) { return block }
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    literal += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }

    /// `#"""` ... `"""#`, each line indented one level past `depth` (the text is its lines joined
    /// by line breaks); nil when the text holds what a raw block cannot (control characters, carriage
    /// returns, its own delimiter, a raw escape `\#`).
    private static func multiLineLiteral(_ text: String, depth: Int) -> String? {
        let awkward = text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F }
        guard !awkward, !text.contains("\"\"\"#"), !text.contains("\\#") else { return nil }
        let indent = String(repeating: unit, count: depth + 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
        return "#\"\"\"\n\(body)\n\(indent)\"\"\"#"
    }
}

/// The pod templates and containers of one object, each written as a property of its own in the
/// object's enum and referred to by name; named uniquely in that scope.
final class HoistedParts {
    /// A part: its property name, what it is, and its expression (at property depth).
    struct Part {
        let name: String
        let summary: String
        var expression = ""
    }

    private(set) var naming: ImportNaming
    private(set) var parts: [Part] = []

    init(naming: ImportNaming) { self.naming = naming }

    /// The property name for `value`, if it is a part written on its own.
    func claimName(for value: Any) -> String? {
        switch value {
        case let container as CoreV1.Container:
            return claim("\(container.name)-container")
        case let container as CoreV1.EphemeralContainer:
            return claim("\(container.name)-ephemeral-container")
        case is CoreV1.PodTemplateSpec:
            return claim("pod-template")
        default:
            return nil
        }
    }

    private func claim(_ words: String) -> String {
        let name = ImportNaming.propertyName(words)
        return naming.claim(name, else: name)
    }

    /// Keeps a place for `name` (parts are listed outside in, though written inside out).
    func reserve(_ name: String, for value: Any) -> Int {
        let summary: String
        switch value {
        case let container as CoreV1.Container: summary = "Container `\(container.name)`"
        case let container as CoreV1.EphemeralContainer: summary = "Ephemeral container `\(container.name)`"
        default: summary = "The pod template"
        }
        parts.append(Part(name: name, summary: summary))
        return parts.count - 1
    }

    func fill(_ slot: Int, with expression: String) {
        parts[slot].expression = expression
    }
}
