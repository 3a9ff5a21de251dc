extension ValidationContext {
    /// Reports a name that breaks the DNS-1123 subdomain rule (or the stricter label rule).
    public mutating func checkName(_ name: String, field: @autoclosure () -> String, label: Bool = false, at location: SourceLocation) {
        let problem = label ? NameRules.dns1123LabelProblem(name) : NameRules.dns1123SubdomainProblem(name)
        if let problem {
            let rule = label ? "a DNS-1123 label" : "a DNS-1123 subdomain"
            error("name", "'\(name)' is not \(rule): it \(problem)", field: field(), at: location)
        }
    }

    /// Reports label keys and values Kubernetes would reject, and keys written twice.
    public mutating func checkLabels(_ labels: Labels, field: String, at location: SourceLocation) {
        for key in labels.duplicateKeys {
            error("label", "key '\(key)' is written twice; the last value wins silently", field: field, at: location)
        }
        for (key, value) in labels {
            if let problem = NameRules.qualifiedNameProblem(key) {
                error("label", "key '\(key)' is invalid: it \(problem)", field: field, at: location)
            }
            if let problem = NameRules.labelValueProblem(value) {
                error("label", "value '\(value)' of '\(key)' is invalid: it \(problem)", field: "\(field)/\(key)", at: location)
            }
        }
    }

    /// Reports annotation keys Kubernetes would reject (values are free text).
    public mutating func checkAnnotations(_ annotations: Labels, field: String, at location: SourceLocation) {
        for key in annotations.duplicateKeys {
            error("label", "annotation '\(key)' is written twice; the last value wins silently", field: field, at: location)
        }
        for (key, _) in annotations {
            if let problem = NameRules.qualifiedNameProblem(key) {
                error("label", "annotation key '\(key)' is invalid: it \(problem)", field: field, at: location)
            }
        }
    }

    /// Reports an invalid port number.
    public mutating func checkPort(_ port: Port, field: @autoclosure () -> String, at location: SourceLocation) {
        if !port.isValid {
            error("port", "port \(port.number) is outside 1...65535", field: field(), at: location)
        }
    }

    /// Reports an empty label selector, which would select every pod in the namespace.
    public mutating func checkSelectorNotEmpty(_ selector: Labels, field: String, at location: SourceLocation) {
        if selector.isEmpty {
            error("selector", "the selector is empty, so it would select every pod in the namespace", field: field, at: location)
        }
    }
}
