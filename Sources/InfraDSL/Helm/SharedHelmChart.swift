/// One Helm chart for several environments of the same shape, and one values file per environment.
///
/// Each environment brings its objects as templates (with the fields it already maps to typed values
/// as parameters) and its typed values. Objects are matched across environments by file name, where
/// an environment's name, namespace or tier may stand in for one another (`service-postgres-staging`
/// in staging is `service-postgres-prod` in production). Where the matched objects agree, the
/// template is literal; where a string differs only by those names, it is written from them
/// (`{{ printf "%s-quota" .Values.config.environment.tier | quote }}`); anything else that differs
/// (a value, a field one environment lacks, a list of another length, an object only some
/// environments have) becomes that environment's value under `objects.<template>.<JSON pointer>`.
/// So every environment renders exactly its own objects, and the schema requires every choice.
///
/// ```swift
/// let shared = try SharedHelmChart.make(name: "shop", version: "1.0.0", description: "…",
///                                      typedSchema: schema, environments: [staging, production])
/// // shared.chart.files(), shared.values["staging"]
/// ```
public enum SharedHelmChart {
    /// A string an environment has that a template may write from a value: its name, say.
    public struct Substitution: Sendable {
        /// The string in this environment (`staging`).
        public let text: String
        /// The template expression that gives it (`.Values.config.environment.name`).
        public let expression: String
        /// What it stands for in a template's file name (`environment`).
        public let placeholder: String
        /// Fields (by key, such as the `env` label) that are written from the expression whenever
        /// they hold exactly the text, even where every environment agrees: an object only one
        /// environment has then needs no new template when another environment gets it.
        public let fields: Set<String>

        public init(_ text: String, _ expression: String, placeholder: String, fields: Set<String> = []) {
            self.text = text
            self.expression = expression
            self.placeholder = placeholder
            self.fields = fields
        }
    }

    /// One environment's contribution.
    public struct Variant: Sendable {
        public let environment: String
        /// The typed values (an object); `objects` is added to it.
        public let values: Value
        /// Tried in order for a string that differs between environments.
        public let substitutions: [Substitution]
        /// One per object; the file name identifies it.
        public let templates: [HelmChart.Template]

        public init(environment: String, values: Value, substitutions: [Substitution], templates: [HelmChart.Template]) {
            self.environment = environment
            self.values = values
            self.substitutions = substitutions
            self.templates = templates
        }
    }

    /// The chart, and each environment's values file (by environment name).
    public struct Result: Sendable {
        public let chart: HelmChart
        public let values: [(environment: String, values: Value)]
    }

    /// Where the per-template choices live in the values.
    public static let objectsKey = "objects"

    /// Builds the chart. `typedSchema` is the JSON schema of the typed values; the schema of
    /// `objects` is added to it.
    public static func make(name: String, version: String, description: String, typedSchema: Value, environments variants: [Variant]) throws -> Result {
        var choices = Array(repeating: [(String, Value)](), count: variants.count)
        var templates: [HelmChart.Template] = []
        var objectSchemas: [(String, Value)] = []
        for group in groups(variants) {
            var merger = TemplateMerger(group: group, variants: variants)
            let merged = try merger.merge()
            // Two objects whose names differ only by an environment's words would share a file.
            if templates.contains(where: { $0.fileName == merged.template.fileName }) {
                throw HelmChartError(message: "two objects would both be templates/\(merged.template.fileName); rename one of them")
            }
            templates.append(merged.template)
            // A template with choices has its entry in every environment's values, empty if need be.
            guard merged.hasChoices else { continue }
            objectSchemas.append((merged.template.stem, merged.schemaValue))
            let entries = Dictionary(merged.choices, uniquingKeysWith: { first, _ in first })
            for index in variants.indices {
                choices[index].append((merged.template.stem, .object(Fields(entries[index] ?? []))))
            }
        }
        let values = variants.enumerated().map { index, variant in
            let objects = Value.object(Fields(choices[index].sorted { $0.0 < $1.0 }))
            return (environment: variant.environment, values: variant.values.setting(objectsKey, to: objects))
        }
        let schema = typedSchema.addingRequiredProperty(objectsKey, [
            "type": "object", "additionalProperties": false,
            "properties": .object(Fields(objectSchemas.sorted { $0.0 < $1.0 })),
            "required": .array(objectSchemas.map(\.0).sorted().map(Value.string)),
        ])
        return Result(
            chart: HelmChart(name: name, version: version, appVersion: nil, description: description, values: .emptyObject, schema: schema, templates: templates),
            values: values)
    }

    /// The same object in each environment that has it, by variant index.
    struct Group {
        var keys: Set<String>
        var members: [(variant: Int, template: HelmChart.Template)]
    }

    /// Matches templates across environments: the same file name, or the same once one of the
    /// environment's substitutions is replaced by a placeholder.
    static func groups(_ variants: [Variant]) -> [Group] {
        var groups: [Group] = []
        for (index, variant) in variants.enumerated() {
            for template in variant.templates {
                let keys = nameKeys(template.stem, variant.substitutions)
                if let found = groups.firstIndex(where: { group in
                    !group.members.contains { $0.variant == index } && !group.keys.isDisjoint(with: keys)
                }) {
                    groups[found].keys.formIntersection(keys)
                    groups[found].members.append((index, template))
                } else {
                    groups.append(Group(keys: keys, members: [(index, template)]))
                }
            }
        }
        return groups
    }

    /// A file name as it is, and with each substitution (as a whole segment) replaced by a placeholder.
    static func nameKeys(_ stem: String, _ substitutions: [Substitution]) -> Set<String> {
        var keys: Set<String> = [stem]
        for (position, substitution) in substitutions.enumerated() {
            let replaced = stem.replacingSegments(substitution.text, with: "\u{1}\(position)")
            if replaced != stem { keys.insert(replaced) }
        }
        return keys
    }
}

extension HelmChart.Template {
    /// The file name without `.yaml`.
    var stem: String { fileName.hasSuffix(".yaml") ? String(fileName.dropLast(5)) : fileName }
}

extension String {
    /// This string with every occurrence of `text` that is a whole segment (bounded by the ends or
    /// by characters other than letters and digits) replaced.
    func replacingSegments(_ text: String, with replacement: String) -> String {
        guard !text.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        var previous: Character?
        while let range = rest.range(of: text) {
            let before = range.lowerBound == rest.startIndex ? previous : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            let bounded = !(before.map(\.isSegmentCharacter) ?? false) && !(after.map(\.isSegmentCharacter) ?? false)
            let end = bounded ? range.upperBound : rest.index(after: range.lowerBound)
            result += rest[..<range.lowerBound]
            result += bounded ? replacement : String(rest[range.lowerBound..<end])
            previous = rest[rest.index(before: end)]
            rest = rest[end...]
        }
        return result + rest
    }
}

extension Character {
    fileprivate var isSegmentCharacter: Bool { isLetter || isNumber }
}

extension Value {
    /// This object with `key` set.
    func setting(_ key: String, to value: Value) -> Value {
        guard case .object(var fields) = self else { return self }
        fields.set(key, value)
        return .object(fields)
    }

    /// This JSON schema with a required property added.
    func addingRequiredProperty(_ key: String, _ schema: Value) -> Value {
        guard case .object(var fields) = self else { return self }
        let properties = (fields["properties"] ?? .emptyObject).setting(key, to: schema)
        fields.set("properties", properties)
        if case .array(let required)? = fields["required"] {
            fields.set("required", .array(required + [.string(key)]))
        } else {
            fields.set("required", [.string(key)])
        }
        return .object(fields)
    }
}
