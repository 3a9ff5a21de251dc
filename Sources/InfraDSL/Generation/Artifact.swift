/// A file of an environment that is not a Kubernetes object: an application config, a JSON Schema,
/// a Prometheus or Alertmanager config, a compose file, an audit policy. It holds a typed document
/// (or, for text another renderer already produced, the text) and a path inside the environment's
/// output directory, such as `config/config.yaml`.
public struct Artifact: Sendable {
    /// What the file holds.
    public enum Content: Sendable {
        /// A document rendered as YAML.
        case yaml(Value)
        /// A document rendered as JSON.
        case json(Value)
        /// Text rendered elsewhere.
        case text(String)
        /// Any encodable value, encoded and rendered as YAML when the environment renders (so an
        /// encoding failure is reported as a diagnostic, never written as a broken file).
        case encodedYAML(any Encodable & Sendable)
        /// Like ``encodedYAML``, as JSON.
        case encodedJSON(any Encodable & Sendable)
        /// A Terraform `.tfvars` file of these variables' values, after a header of comment lines.
        /// Each value is checked against its variable's type and validation rules first, so a file
        /// Terraform would reject is an error at the variable's Swift line, never written.
        case tfvars([TerraformVariable], header: [String])
        /// A Terraform root module's `main.tf`, after a header of comment lines. A reference to
        /// anything the module does not declare is an error at the Swift line that wrote it.
        case terraform(TerraformModule, header: [String])
    }

    /// The path under `<output>/<env>/`.
    public let path: String
    /// The content.
    public let content: Content
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A file at `path` inside the environment's directory.
    public init(_ path: String, _ content: Content, file: StaticString = #filePath, line: UInt = #line) {
        self.path = path
        self.content = content
        location = SourceLocation(file, line)
    }

    func rendered() throws -> String {
        switch content {
        case .yaml(let value): return try YAMLRenderer.render(value)
        case .json(let value): return JSONRenderer.render(value)
        case .text(let text): return text
        case .encodedYAML(let value): return try YAMLRenderer.render(ValueEncoder().encode(value))
        case .encodedJSON(let value): return JSONRenderer.render(try ValueEncoder().encode(value))
        case .tfvars(let variables, let header): return TerraformFiles.values(variables, header: header)
        case .terraform(let module, let header): return module.rendered(header: header)
        }
    }

    /// What the content says is wrong with itself: each problem with the field it concerns and the
    /// line that set it.
    var contentProblems: [(check: String, field: String, message: String, location: SourceLocation)] {
        switch content {
        case .tfvars(let variables, _):
            return variables.flatMap { variable in
                variable.violations.map { (check: "terraform", field: variable.name, message: "\(variable.name): \($0)", location: variable.location) }
            }
        case .terraform(let module, _):
            return module.problems.map { (check: "terraform", field: "main.tf", message: $0.message, location: $0.location) }
        case .encodedYAML(let value), .encodedJSON(let value):
            // A value with rules (a config file) must follow them before it is written: the program
            // that reads it would refuse it. Each at the line that set the value, when it knows it.
            guard let constrained = value as? any ValueConstraints else { return [] }
            return constrained.constraintViolations().map {
                (check: "config", field: $0.field, message: "\($0.field): \($0.message)", location: $0.location ?? location)
            }
        case .yaml, .json, .text:
            return []
        }
    }

    /// Why the path cannot be used, if it cannot.
    var pathProblem: String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.isEmpty || path.hasPrefix("/") { return "must be a relative path" }
        if parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return "must not contain empty, '.' or '..' parts" }
        if parts.first == "kubernetes" { return "kubernetes/ is reserved for the environment's objects" }
        return nil
    }
}
