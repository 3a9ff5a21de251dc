import InfraValues
import KubernetesAPI

/// Reads existing Kubernetes manifests so `gen lint` can run the same checks on YAML that was never
/// written with the DSL. Each object of a kind with a schema is decoded strictly into its generated
/// type (unknown fields, wrong types and missing required fields are errors with their lines), then
/// read into the intent model the checks see (``IntentReading``). Kinds without a schema are kept
/// and reported; nothing crashes on odd input.
public struct ManifestReader: Sendable {
    /// The objects read, in file order.
    public private(set) var resources: [any Resource] = []
    /// The objects read into their generated types, each with where it starts (what `gen import`
    /// writes as Swift); a namespaced object that names no namespace is given the default one.
    public private(set) var objects: [(object: any KubernetesObject, location: SourceLocation)] = []
    /// Documents that are objects but could not be read into a generated type (kinds outside the
    /// model, objects that do not match their schema), with where they start: reported in
    /// ``diagnostics`` and never read into ``objects``.
    public private(set) var unread: [SourceLocation] = []
    /// The findings of fields the schema does not have (also in ``diagnostics``): each object was
    /// read without them.
    public private(set) var unknownFields: [Diagnostic] = []
    /// Findings about the input itself (unknown kinds and fields, bad quantities, malformed YAML).
    public private(set) var diagnostics = DiagnosticCollector()

    /// The kinds whose every field is read against their schema.
    private let kinds: KindLookup
    /// The namespace of a namespaced object that names none, as `kubectl apply` would place it.
    private let defaultNamespace: String?

    /// A reader with nothing read yet, checking the generated API's kinds and any `more` (imported
    /// custom resources) against their schemas. A namespaced object without a namespace is placed
    /// in `defaultNamespace` (`kubectl`'s is `default`); with nil, it is left without one.
    public init(more: [any KubernetesObject.Type] = [], defaultNamespace: String? = nil) {
        kinds = KindLookup(GeneratedKinds.all + more)
        self.defaultNamespace = defaultNamespace
    }

    /// Reads every document of several files, the files spread over every core: the same objects,
    /// findings and order as reading them one after another.
    public mutating func read(files: [(yaml: String, file: String)]) {
        let template = self
        let chunk = max(1, files.count / 64)
        let chunks = stride(from: 0, to: files.count, by: chunk).map { $0..<min($0 + chunk, files.count) }
        let readers = Parallel.map(count: chunks.count) { index in
            var reader = template.emptied()
            for file in files[chunks[index]] { reader.read(yaml: file.yaml, file: file.file) }
            return reader
        }
        for reader in readers {
            unknownFields += reader.unknownFields
            resources += reader.resources
            objects += reader.objects
            unread += reader.unread
            diagnostics.append(contentsOf: reader.diagnostics)
        }
    }

    /// A reader with the same kinds and default namespace, nothing read.
    private func emptied() -> ManifestReader {
        var reader = self
        reader.resources = []
        reader.objects = []
        reader.unread = []
        reader.unknownFields = []
        reader.diagnostics = DiagnosticCollector()
        return reader
    }

    /// Reads every document of one file.
    public mutating func read(yaml: String, file: String) {
        let (documents, failure) = YAMLDocuments.parse(yaml)
        if let failure {
            // The documents before the malformed one are still read.
            diagnostics.error("yaml", failure.message, at: ResourcePath([file]), SourceLocation(path: file, line: failure.line ?? 1))
        }
        let mayMerge = MergeKeys.mayOccur(in: yaml)
        for document in documents { read(mayMerge ? MergeKeys.expanded(document) : document, at: 0, file: file) }
    }

    /// Reads the node `root` of a document: an object, the items of a `List`, or something else
    /// (skipped, said).
    private mutating func read(_ document: DocumentTree, at root: Int, file: String) {
        let location = SourceLocation(path: file, line: Int(document.nodes[root].line))
        if document.nodes[root].kind == .scalar && (document.isNull(root) || document.nodes[root].text.isEmpty) {
            return  // an empty document, such as a trailing `---`
        }
        guard let routing = Routing(document, root), let kind = routing.kind else {
            diagnostics.warning("lint", "a document that is not a Kubernetes object (no kind) is skipped", at: ResourcePath([file]), location)
            return
        }
        // `kubectl get -o yaml` writes a List (`v1 List`, or `<Kind>List`): its items are the objects.
        if kind == "List" || kind.hasSuffix("List"), let items = routing.items, document.nodes[items].kind == .sequence {
            for item in document.items(of: items) { read(document, at: item, file: file) }
            return
        }
        let path = ResourcePath([file, kind, routing.name ?? ""])
        switch checkSchema(document, root, apiVersion: routing.apiVersion, kind: kind, at: path, location) {
        case .read(let object, let problems):
            var reading = IntentReading(location: location, lines: ManifestLines(document, root: root, file: file))
            var resource = reading.resource(object, problems: problems)
            if type(of: resource).isNamespaced && resource.metadata.namespace == nil {
                resource.metadata.namespace = defaultNamespace
            }
            resources.append(resource)
            objects.append((placed(object, in: defaultNamespace), location))
            diagnostics.append(contentsOf: reading.diagnostics)
        case .rejected:
            unread.append(location)
            diagnostics.warning("lint", "kind \(kind) does not match its schema, so the semantic checks do not read it", at: path, location)
        case .outside(servedElsewhere: true):
            unread.append(location)
        case .outside(servedElsewhere: false):
            unread.append(location)
            diagnostics.warning("lint", "kind \(kind) is not in the model: kept, not checked", at: path, location)
        }
    }

    /// What a document is routed by, found in one pass over its top-level keys.
    private struct Routing {
        var kind: String?
        var apiVersion: String?
        /// `metadata.name`.
        var name: String?
        /// A `List`'s `items` node.
        var items: Int?

        /// Nil when the node is not a mapping.
        init?(_ document: DocumentTree, _ root: Int) {
            guard document.nodes[root].kind == .mapping else { return nil }
            func text(_ node: Int) -> String? { document.nodes[node].kind == .scalar ? document.nodes[node].text : nil }
            for entry in document.entries(of: root) where document.nodes[entry.key].kind == .scalar {
                switch document.nodes[entry.key].text {
                case "kind": kind = text(entry.value)
                case "apiVersion": apiVersion = text(entry.value)
                case "metadata":
                    if document.nodes[entry.value].kind == .mapping { name = document.value(of: entry.value, forKey: "name").flatMap(text) }
                case "items": items = entry.value
                default: break
                }
            }
        }
    }

    /// `object` in `namespace` when it is namespaced and names none.
    private func placed<Object: KubernetesObject>(_ object: Object, in namespace: String?) -> any KubernetesObject {
        guard Object.isNamespaced, object.metadata?.namespace == nil, let namespace else { return object }
        var copy = object
        var metadata = copy.metadata ?? MetaV1.ObjectMeta()
        metadata.namespace = namespace
        copy.metadata = metadata
        return copy
    }

    /// What reading a document against its schema gave.
    private enum SchemaReading {
        /// The kind has no schema here (`servedElsewhere`: the kind is served by another apiVersion,
        /// an error already reported).
        case outside(servedElsewhere: Bool)
        /// The document does not match the schema (reported).
        case rejected
        /// The document as its generated type, and the values its schema does not allow.
        case read(any KubernetesObject, [APIObjectValidation.ValueProblem])
    }

    /// Reads the whole document into its generated type: every field is checked against the schema
    /// (unknown fields, wrong types, missing required fields are errors with their lines).
    private mutating func checkSchema(
        _ document: DocumentTree, _ root: Int, apiVersion: String?, kind: String, at path: ResourcePath, _ location: SourceLocation
    ) -> SchemaReading {
        guard let apiVersion else {
            diagnostics.error("schema", "the object has no apiVersion", at: path, location)
            return .outside(servedElsewhere: false)
        }
        guard let type = kinds.type(apiVersion: apiVersion, kind: kind) else {
            let versions = kinds.versions(of: kind)
            if versions.isEmpty {
                diagnostics.warning("schema", "\(apiVersion) \(kind) is outside the generated API: its fields are not checked against a schema", at: path, location)
            } else {
                diagnostics.error("schema", "apiVersion \(apiVersion) does not serve \(kind) (removed or misspelt); use \(versions.joined(separator: " or "))", at: path, location)
            }
            return .outside(servedElsewhere: !versions.isEmpty)
        }
        do {
            // A field the schema lacks is an error, but the object is still read for the checks:
            // one typo must not hide everything else that is wrong with it.
            let (object, unknownFields, problems) = try StrictYAMLDecoder().readGenerated(type, from: document, at: root)
            for failure in unknownFields { self.unknownFields.append(report(failure, at: path, location)) }
            return .read(object, problems)
        } catch {
            report(error, at: path, location)
            return .rejected
        }
    }

    /// Reports `failure` at its line and returns the finding.
    @discardableResult
    private mutating func report(_ failure: StrictYAMLDecoder.Failure, at path: ResourcePath, _ location: SourceLocation) -> Diagnostic {
        let field = failure.field.isEmpty ? "" : "\(failure.field): "
        diagnostics.error("schema", "\(field)\(failure.message)", at: path, SourceLocation(path: location.path, line: failure.line ?? location.line))
        return diagnostics.diagnostics[diagnostics.diagnostics.count - 1]
    }
}
