import Foundation

/// A Helm chart made from an environment's rendered objects: each object becomes a template, with
/// chosen fields replaced by template expressions over `values.yaml`. Rendered with its own values,
/// the chart gives back the same objects as the manifests (a test proves it with Helm itself).
public struct HelmChart: Sendable {
    /// What replaces a field in a template.
    public enum Expression: Hashable, Sendable {
        /// A scalar: `{{ .Values.replicas }}` in place of the value.
        case inline(String)
        /// A multi-line string: a literal block filled by `{{- EXPR | nindent N }}`.
        case block(String)
        /// A field written only when `condition` holds, its value then `expression` (inline).
        case optional(condition: String, expression: String)
    }

    /// A field of a template and its expression.
    public struct Parameter: Hashable, Sendable {
        public let path: [ValuePathSegment]
        public let expression: Expression

        public init(_ path: [ValuePathSegment], _ expression: Expression) {
            self.path = path
            self.expression = expression
        }
    }

    /// One object as a template.
    public struct Template: Sendable {
        public let fileName: String
        public let document: Value
        public let parameters: [Parameter]
        /// When set, the object is rendered only when this template condition holds.
        public let condition: String?

        public init(fileName: String, document: Value, parameters: [Parameter], condition: String? = nil) {
            self.fileName = fileName
            self.document = document
            self.parameters = parameters
            self.condition = condition
        }
    }

    public let name: String
    public let version: String
    public let appVersion: String?
    public let description: String
    public let values: Value
    public let schema: Value
    public let templates: [Template]

    public init(name: String, version: String, appVersion: String?, description: String, values: Value, schema: Value, templates: [Template]) {
        self.name = name
        self.version = version
        self.appVersion = appVersion
        self.description = description
        self.values = values
        self.schema = schema
        self.templates = templates
    }

    /// Every file of the chart, paths relative to the chart's directory.
    public func files() throws -> [(path: String, contents: String)] {
        var chart: Value = [
            "apiVersion": "v2", "name": .string(name), "description": .string(description), "type": "application",
            "version": .string(version),
        ]
        if let appVersion, case .object(var fields) = chart {
            fields.set("appVersion", .string(appVersion))
            chart = .object(fields)
        }
        var files: [(String, String)] = [
            ("Chart.yaml", try YAMLRenderer.render(chart)),
            ("values.yaml", try YAMLRenderer.render(values)),
            ("values.schema.json", JSONRenderer.render(schema)),
        ]
        for template in templates {
            files.append(("templates/\(template.fileName)", try render(template)))
        }
        return files
    }

    private func render(_ template: Template) throws -> String {
        var document = template.document
        for (index, parameter) in template.parameters.enumerated() {
            guard let replaced = document.replacing(at: parameter.path, with: .string(Self.token(index))) else {
                throw HelmChartError(message: "\(template.fileName): no field at \(parameter.path) to template")
            }
            document = replaced
        }
        // Text that holds `{{` (an alert's `{{ $labels.pod }}`) is written by a template action, so
        // Helm prints it instead of running it; the parameters' own actions are put in after.
        let text = try YAMLRenderer.render(document).replacingOccurrences(of: "{{", with: Self.openingBraces)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, parameter) in template.parameters.enumerated() {
            let token = Self.token(index)
            guard let line = lines.firstIndex(where: { $0.contains(token) }) else {
                throw HelmChartError(message: "\(template.fileName): the placeholder of \(parameter.path) was not rendered")
            }
            switch parameter.expression {
            case .inline(let expression):
                lines[line] = lines[line].replacingFirst(token, with: expression)
            case .block(let expression):
                let indent = lines[line].prefix { $0 == " " }.count + 2
                let replacement = "|\n" + String(repeating: " ", count: indent) + "{{- \(expression) | nindent \(indent) }}"
                lines[line] = lines[line].replacingFirst(token, with: replacement)
            case .optional(let condition, let expression):
                lines[line] = "{{- if \(condition) }}\n" + lines[line].replacingFirst(token, with: expression) + "\n{{- end }}"
            }
        }
        let rendered = lines.joined(separator: "\n")
        guard let condition = template.condition else { return rendered }
        return "{{- if \(condition) }}\n" + rendered + "{{- end }}\n"
    }

    private static func token(_ index: Int) -> String { "HELMPARAMETER\(index)X" }

    /// A template action that prints `{{`.
    static let openingBraces = #"{{ "{{" }}"#
}

/// A chart that cannot be made.
public struct HelmChartError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
