/// Merges one object's documents from several environments into one template (see
/// ``SharedHelmChart``): agreement stays literal, a string that differs only by a substitution is
/// written from it, and every other difference becomes each environment's value under
/// `objects.<stem>.<JSON pointer>`.
struct TemplateMerger {
    let group: SharedHelmChart.Group
    let variants: [SharedHelmChart.Variant]

    /// What one group becomes.
    struct Merged {
        let template: HelmChart.Template
        /// Each environment's choices for this template (variant index, pointer → value).
        let choices: [(Int, [(String, Value)])]
        /// The schema of each choice, by pointer.
        let schema: [(String, Value)]
        let schemaValue: Value
        /// Whether any environment chooses anything here (a field, or whether the object exists).
        var hasChoices: Bool { !schema.isEmpty || template.condition != nil }
    }

    private var parameters: [HelmChart.Parameter] = []
    private var choices: [Int: [(String, Value)]] = [:]
    private var schema: [(String, Value)] = []
    private var required: [String] = []

    init(group: SharedHelmChart.Group, variants: [SharedHelmChart.Variant]) {
        self.group = group
        self.variants = variants
    }

    /// The template's file name without `.yaml`: the shared name, its placeholders spelled out.
    var stem: String {
        let first = group.members[0]
        if group.keys.contains(first.template.stem) { return first.template.stem }
        let placeholders = variants[first.variant].substitutions.map(\.placeholder)
        var key = group.keys.sorted()[0]
        for (position, placeholder) in placeholders.enumerated() {
            key = key.replacingOccurrences(of: "\u{1}\(position)", with: placeholder)
        }
        return key
    }

    mutating func merge() throws -> Merged {
        let stem = self.stem
        let members = group.members
        // Fields every environment already maps to typed values stay their parameters.
        let explicit = members[0].template.parameters.filter { parameter in
            members.allSatisfy { $0.template.parameters.contains(parameter) }
        }
        let documents = try members.map { member in
            var document = member.template.document
            for (index, parameter) in explicit.enumerated() {
                guard let masked = document.replacing(at: parameter.path, with: .string("\u{0}parameter\(index)")) else {
                    throw HelmChartError(message: "\(member.template.fileName): no field at \(parameter.path) to template")
                }
                document = masked
            }
            return document
        }
        parameters = explicit
        // Masked fields agree, so the merged document keeps the mask there; the chart writes each
        // one's expression over it.
        let document = walk([], documents, stem: stem)
        var condition: String?
        if members.count < variants.count {
            condition = "\(Self.lookup(stem, "enabled"))"
            for index in variants.indices {
                choices[index, default: []].insert(("enabled", .bool(members.contains { $0.variant == index })), at: 0)
            }
        }
        let template = HelmChart.Template(fileName: "\(stem).yaml", document: document, parameters: parameters, condition: condition)
        return Merged(
            template: template, choices: choices.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, schema: schema,
            schemaValue: schemaValue(conditional: condition != nil))
    }

    private func schemaValue(conditional: Bool) -> Value {
        var properties = Fields(schema)
        var object: Value = ["type": "object", "additionalProperties": false]
        if conditional {
            properties = Fields([("enabled", ["type": "boolean"])] + schema)
            object = object.setting("required", to: ["enabled"])
            if !required.isEmpty {
                object = object.setting("if", to: ["properties": ["enabled": ["const": true]]])
                object = object.setting("then", to: ["required": .array(required.map(Value.string))])
            }
        } else if !required.isEmpty {
            object = object.setting("required", to: .array(required.map(Value.string)))
        }
        return object.setting("properties", to: .object(properties))
    }

    // MARK: - Walking the documents side by side

    private mutating func walk(_ path: [ValuePathSegment], _ values: [Value], stem: String) -> Value {
        let first = values[0]
        if values.dropFirst().allSatisfy({ $0 == first }) {
            // Agreement is literal, except the fields a substitution always writes, looked for all the way down.
            switch first {
            case .string:
                if case .key(let key)? = path.last, let expression = written(key, values) {
                    parameters.append(.init(path, .inline(expression)))
                }
            case .object(let fields):
                for entry in fields.entries {
                    _ = walk(path + [.key(entry.key)], Array(repeating: entry.value, count: values.count), stem: stem)
                }
            case .array(let items):
                for (index, item) in items.enumerated() {
                    _ = walk(path + [.index(index)], Array(repeating: item, count: values.count), stem: stem)
                }
            default:
                break
            }
            return first
        }
        switch first {
        case .object:
            let objects = values.compactMap { value -> Fields? in if case .object(let fields) = value { return fields } else { return nil } }
            guard objects.count == values.count else { break }
            let keys = Self.keysInOrder(objects)
            let differentKeys = objects.contains { $0.entries.count != keys.count }
            // A field one environment lacks is written only where it is set; as the first line of a
            // list item that would break the item, so there the whole item is the choice instead.
            if differentKeys, case .index? = path.last { break }
            var fields = Fields()
            for key in keys {
                let present = objects.map { $0[key] }
                if present.allSatisfy({ $0 != nil }) {
                    fields.set(key, walk(path + [.key(key)], present.map { $0! }, stem: stem))
                } else {
                    let pointer = Self.pointer(path + [.key(key)])
                    for (member, value) in zip(group.members, present) {
                        if let value { choices[member.variant, default: []].append((pointer, value)) }
                    }
                    schema.append((pointer, Self.typeSchema(present.compactMap { $0 })))
                    let condition = "hasKey \(Self.lookup(stem)) \(Self.goString(pointer))"
                    parameters.append(.init(path + [.key(key)], .optional(condition: condition, expression: "{{ \(Self.lookup(stem, pointer)) | toJson }}")))
                    fields.set(key, .string(""))
                }
            }
            return .object(fields)
        case .array(let items):
            let arrays = values.compactMap { value -> [Value]? in if case .array(let elements) = value { return elements } else { return nil } }
            guard arrays.count == values.count, arrays.allSatisfy({ $0.count == items.count }) else { break }
            return .array(items.indices.map { index in walk(path + [.index(index)], arrays.map { $0[index] }, stem: stem) })
        case .string:
            let strings = values.compactMap { value -> String? in if case .string(let text) = value { return text } else { return nil } }
            guard strings.count == values.count, let expression = substituted(strings) else { break }
            parameters.append(.init(path, .inline(expression)))
            return first
        default:
            break
        }
        let pointer = Self.pointer(path)
        for (member, value) in zip(group.members, values) {
            choices[member.variant, default: []].append((pointer, value))
        }
        schema.append((pointer, Self.typeSchema(values)))
        required.append(pointer)
        parameters.append(.init(path, .inline("{{ \(Self.lookup(stem, pointer)) | toJson }}")))
        return first
    }

    /// The expression for a field a substitution always writes, when every member holds its text.
    private func written(_ key: String, _ values: [Value]) -> String? {
        let count = variants[group.members[0].variant].substitutions.count
        for position in 0..<count {
            let used = group.members.map { variants[$0.variant].substitutions[position] }
            guard used.allSatisfy({ $0.fields.contains(key) && $0.expression == used[0].expression }) else { continue }
            if zip(values, used).allSatisfy({ $0 == .string($1.text) }) { return "{{ \(used[0].expression) | quote }}" }
        }
        return nil
    }

    /// The expression writing `strings` (one per member) from the substitutions, if they explain
    /// every difference: one substitution alone if one does, else all of them together (an ARN
    /// holding the account and the namespace).
    private func substituted(_ strings: [String]) -> String? {
        let count = variants[group.members[0].variant].substitutions.count
        for positions in (0..<count).map({ [$0] }) + [Array(0..<count)] {
            let used = positions.map { position in group.members.map { variants[$0.variant].substitutions[position] } }
            guard used.allSatisfy({ column in column.allSatisfy { $0.expression == column[0].expression } }) else { continue }
            let patterns = strings.indices.map { member in
                zip(positions, used).reduce(strings[member]) { text, next in
                    text.replacingSegments(next.1[member].text, with: Self.marker(next.0))
                }
            }
            guard patterns.allSatisfy({ $0 == patterns[0] }), patterns[0].contains("\u{1}") else { continue }
            let expressions = Dictionary(uniqueKeysWithValues: zip(positions, used.map { $0[0].expression }))
            return Self.printf(patterns[0], expressions)
        }
        return nil
    }

    /// Where substitution `position` stood in a pattern.
    private static func marker(_ position: Int) -> String { "\u{1}\(position)\u{2}" }

    /// The template action that writes `pattern` with each marker replaced by its expression.
    private static func printf(_ pattern: String, _ expressions: [Int: String]) -> String {
        if expressions.count == 1, let (position, expression) = expressions.first, pattern == marker(position) {
            return "{{ \(expression) | quote }}"
        }
        var format = ""
        var arguments: [String] = []
        var rest = pattern[...]
        while let start = rest.firstIndex(of: "\u{1}"), let end = rest[start...].firstIndex(of: "\u{2}") {
            format += rest[..<start].replacingOccurrences(of: "%", with: "%%") + "%s"
            arguments.append(expressions[Int(rest[rest.index(after: start)..<end])!]!)
            rest = rest[rest.index(after: end)...]
        }
        format += rest.replacingOccurrences(of: "%", with: "%%")
        return "{{ printf \(goString(format)) \(arguments.joined(separator: " ")) | quote }}"
    }

    // MARK: - Spelling

    /// `index .Values.objects "stem" "pointer"…`
    static func lookup(_ stem: String, _ keys: String...) -> String {
        "(index .Values.\(SharedHelmChart.objectsKey) \(([stem] + keys).map(goString).joined(separator: " ")))"
    }

    /// A Go string literal.
    static func goString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A JSON pointer (RFC 6901) to `path`.
    static func pointer(_ path: [ValuePathSegment]) -> String {
        path.map { segment -> String in
            switch segment {
            case .key(let key): "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let index): "/\(index)"
            case .named(let name): "/" + name
            }
        }.joined()
    }

    /// The JSON types the environments' values have.
    static func typeSchema(_ values: [Value]) -> Value {
        var types: [String] = []
        for value in values {
            let type = switch value {
            case .string: "string"
            case .int: "integer"
            case .double: "number"
            case .bool: "boolean"
            case .array: "array"
            case .object: "object"
            }
            if !types.contains(type) { types.append(type) }
        }
        return ["type": types.count == 1 ? .string(types[0]) : .array(types.map(Value.string))]
    }

    /// Every key of the objects, in the first one's order, then new keys in the order met.
    static func keysInOrder(_ objects: [Fields]) -> [String] {
        var keys: [String] = []
        var seen = Set<String>()
        for object in objects {
            for entry in object.entries where seen.insert(entry.key).inserted { keys.append(entry.key) }
        }
        return keys
    }
}
