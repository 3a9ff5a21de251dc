import KubernetesAPI

/// The checks every generated object gets: values the schema's enumerations do not list, quantities
/// the API server cannot parse, and metadata an environment does not render.
enum APIObjectValidation {
    /// A value the schema does not allow where it stands, found while the object was read from a
    /// manifest (``StrictYAMLDecoder/readGenerated(_:from:)``); its path by field names.
    struct ValueProblem: Sendable {
        let path: [String]
        let check: String
        let message: String
    }

    /// What is wrong with one stored value of a generated object, if anything: a value its
    /// enumeration does not list, a malformed quantity, a null item in a free-form list.
    static func problem(in value: Any) -> (check: String, message: String)? {
        if let enumeration = value as? any OpenEnumeration, !enumeration.isListed {
            return ("schema", "'\(MessageText.quoted(enumeration.rawValue))' is not a value the schema lists for this field")
        } else if let quantity = value as? Quantity, !quantity.isWellFormed {
            return ("quantity", "'\(MessageText.quoted(quantity.text))' is not a Kubernetes quantity")
        } else if let json = value as? JSONValue, json.holdsNullItem {
            return ("schema", "a list in this free-form field holds null, which the output cannot write; leave the item out")
        }
        return nil
    }

    /// Findings are placed at `location`, or, for an object read from a manifest, at the line of
    /// the field at fault. An object read from a manifest brings the problems found while reading it
    /// (`readProblems`); any other is walked.
    static func validate(
        _ object: some KubernetesObject, at location: SourceLocation, lines: ManifestLines? = nil, readProblems: [ValueProblem]? = nil,
        into context: inout ValidationContext
    ) {
        func at(_ path: [String]) -> SourceLocation {
            guard let lines, let line = lines.line(of: path) else { return location }
            return SourceLocation(path: lines.file, line: line)
        }
        // What an environment renders of metadata; an object read from a manifest (`lines`) keeps
        // whatever its author or the API server wrote there.
        if lines == nil, let meta = object.metadata {
            let rendered = MetaV1.ObjectMeta(name: meta.name, namespace: meta.namespace, labels: meta.labels, annotations: meta.annotations)
            if meta != rendered {
                context.error("metadata", "an environment's object sets only name, namespace, labels and annotations; the others are the API server's", field: "metadata", at: location)
            }
        }
        if let readProblems {
            for problem in readProblems {
                context.error(problem.check, problem.message, field: problem.path.joined(separator: "/"), at: at(problem.path))
            }
            return
        }
        walk(object, path: []) { value, path in
            if let (check, message) = problem(in: value) {
                context.error(check, message, field: path.joined(separator: "/"), at: at(path))
            }
        }
    }

    /// Visits every stored value of a generated object, with its field path; map entries by key.
    private static func walk(_ value: Any, path: [String], visit: (Any, [String]) -> Void) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first { walk(wrapped.value, path: path, visit: visit) }
            return
        }
        visit(value, path)
        if value is any OpenEnumeration || value is Quantity || value is JSONValue || value is String { return }
        if let map = value as? any InspectableMap {
            for entry in map.inspectableEntries { walk(entry.value, path: path + [entry.key], visit: visit) }
            return
        }
        switch mirror.displayStyle {
        case .struct:
            for child in mirror.children { walk(child.value, path: path + [child.label ?? "?"], visit: visit) }
        case .collection:
            for (index, child) in mirror.children.enumerated() { walk(child.value, path: path + ["\(index)"], visit: visit) }
        default:
            break
        }
    }
}
