/// Turns translated declarations into Swift source: one file per namespace. The only stage that
/// builds text.
public struct SwiftRenderer: Sendable {
    /// The first line of every file: what made it and how to make it again.
    public var header: String
    /// Modules the files import (`KubernetesAPI` for imported CRDs; none inside the API module).
    public var imports: [String]

    public init(header: String, imports: [String]) {
        self.header = header
        self.imports = imports
    }

    /// Characters of struct declarations per file. A debug build compiles a module's files in as many
    /// batches as there are cores, each batch a run of consecutive files, so the files are cut to
    /// about one size: cut by count, the core API's large structs made one batch four times as
    /// long as the other, and the module's build waited on it.
    static let charactersPerFile = 12_000

    /// Per namespace, `<Namespace>.swift` (the namespace and its enumerations) and its structs in
    /// `<Namespace>+<n>.swift`; and the registry of kinds, `<registry>.swift`.
    public func render(_ namespaces: [NamespaceDeclaration], registry: String) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for namespace in namespaces {
            files.append(GeneratedFile(path: "\(namespace.name).swift", contents: renderNamespace(namespace)))
            for (index, chunk) in chunks(of: namespace).enumerated() {
                files.append(GeneratedFile(path: "\(namespace.name)+\(index + 1).swift", contents: fileHeader().text + chunk))
            }
        }
        return files + [GeneratedFile(path: "\(registry).swift", contents: renderRegistry(registry, namespaces))]
    }

    /// Every top-level kind, so a manifest's `apiVersion` and `kind` find their Swift type.
    func renderRegistry(_ name: String, _ namespaces: [NamespaceDeclaration]) -> String {
        var out = fileHeader()
        out.line("")
        out.line("/// Every kind generated here, in order of namespace and name.")
        out.line("public enum \(name) {")
        out.line("    /// The kinds' types; look one up by `apiVersion` and `kind`.")
        out.line("    public static let all: [any KubernetesObject.Type] = [")
        for namespace in namespaces {
            for declaration in namespace.structs where declaration.kind != nil {
                out.line("        \(namespace.name).\(declaration.name).self,")
            }
        }
        out.line("    ]")
        out.line("}")
        return out.text
    }

    private func fileHeader() -> SourceText {
        var out = SourceText()
        out.line("// \(header)")
        out.line("// Do not edit by hand.")
        for module in imports {
            out.line("")
            out.line("import \(module)")
        }
        return out
    }

    func renderNamespace(_ namespace: NamespaceDeclaration) -> String {
        var out = fileHeader()
        out.line("")
        out.line("/// The types of `\(namespace.groupVersion)`.")
        out.line("public enum \(namespace.name) {}")
        for declaration in namespace.enums {
            out.line("")
            out.line("extension \(namespace.name) {")
            render(declaration, into: &out, indent: 1)
            out.line("}")
        }
        return out.text
    }

    /// A namespace's structs in order, each in its own extension, joined into texts of about
    /// `charactersPerFile` (a struct longer than that is a text of its own).
    func chunks(of namespace: NamespaceDeclaration) -> [String] {
        var chunks: [String] = []
        var current = ""
        for declaration in namespace.structs {
            var out = SourceText()
            out.line("")
            out.line("extension \(namespace.name) {")
            render(declaration, into: &out, indent: 1)
            out.line("}")
            if !current.isEmpty && current.count + out.text.count > Self.charactersPerFile {
                chunks.append(current)
                current = ""
            }
            current += out.text
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    private func render(_ declaration: StructDeclaration, into out: inout SourceText, indent: Int) {
        let pad = String(repeating: "    ", count: indent)
        let inner = pad + "    "
        out.line("\(pad)/// `\(declaration.origin)`.")
        if let kind = declaration.kind {
            out.line("\(pad)///")
            out.line("\(pad)/// Kind `\(kind.kind)` of `\(kind.apiVersion)`, \(kind.isNamespaced ? "namespaced" : "cluster-scoped").")
        }
        let conformance = switch declaration.kind {
        case nil: "DocumentReadable, Sendable, DocumentEquatable"
        case let kind? where kind.holdsSecretData: "KubernetesObject"
        case _?: "SecretFreeObject"
        }
        out.line("\(pad)public struct \(declaration.name): \(conformance) {")
        if let kind = declaration.kind {
            out.line("\(inner)public static let apiVersion = \(literal(kind.apiVersion))")
            out.line("\(inner)public static let kind = \(literal(kind.kind))")
            out.line("\(inner)public static let isNamespaced = \(kind.isNamespaced)")
            out.line("")
            // Optional: an object of a kind can sit inside another (a StatefulSet's claim templates)
            // without them. Set for every object made in Swift.
            out.line("\(inner)/// `apiVersion`: \(literal(kind.apiVersion)); absent only where the object is embedded in another.")
            out.line("\(inner)public var apiVersion: String? = Self.apiVersion")
            out.line("\(inner)/// `kind`: \(literal(kind.kind)); absent only where the object is embedded in another.")
            out.line("\(inner)public var kind: String? = Self.kind")
        }
        let fields = declaration.properties.filter { declaration.kind == nil || !["apiVersion", "kind"].contains($0.jsonName) }
        for property in fields {
            let facts = ([property.type.schemaDescription] + property.facts).joined(separator: "; ")
            out.line("\(inner)/// `\(property.jsonName)`: \(facts)\(property.isRequired ? "; required" : "").")
            out.line("\(inner)public var \(property.swiftName): \(swiftType(property.type))\(property.isRequired ? "" : "?")")
        }
        if !fields.isEmpty { out.line("") }
        renderInitializer(fields, into: &out, pad: inner)
        renderWriter(fields, isKind: declaration.kind != nil, into: &out, pad: inner)
        renderReader(fields, isKind: declaration.kind != nil, into: &out, pad: inner)
        for nested in declaration.nestedEnums {
            out.line("")
            render(nested, into: &out, indent: indent + 1)
        }
        for nested in declaration.nestedStructs {
            out.line("")
            render(nested, into: &out, indent: indent + 1)
        }
        out.line("\(pad)}")
    }

    private func renderInitializer(_ fields: [PropertyDeclaration], into out: inout SourceText, pad: String) {
        out.line("\(pad)/// Every field; optional ones default to absent.")
        guard !fields.isEmpty else {
            out.line("\(pad)public init() {}")
            return
        }
        out.line("\(pad)public init(")
        for (index, property) in fields.enumerated() {
            // A keyword parameter is written with backticks; its argument label is the bare word.
            let type = swiftType(property.type) + (property.isRequired ? "" : "? = nil")
            out.line("\(pad)    \(property.swiftName): \(type)\(index == fields.count - 1 ? "" : ",")")
        }
        out.line("\(pad)) {")
        for property in fields {
            out.line("\(pad)    self.\(property.swiftName) = \(property.swiftName)")
        }
        out.line("\(pad)}")
    }

    /// `write(to:)`: the fields in declaration order, absent ones left out. Written out per field
    /// type, without unspecialized generic helpers. An optional struct is written through optional
    /// chaining (`spec?.writeField("spec", to: sink)`), which reads it in place: binding it to a
    /// local copies it, and `spec != nil` on an `Equatable` struct calls its `==`, copying it too.
    ///
    /// A kind writes `apiVersion`, `kind` and `metadata` first, then its body through
    /// `writeBody(to:)`, which a resource rendered with metadata of its own calls alone.
    private func renderWriter(_ fields: [PropertyDeclaration], isKind: Bool, into out: inout SourceText, pad: String) {
        out.line("")
        out.line("\(pad)public func write(to sink: any DocumentSink) {")
        out.line("\(pad)    sink.beginObject()")
        guard isKind else {
            renderFieldWrites(fields, into: &out, pad: pad)
            out.line("\(pad)    sink.endObject()")
            out.line("\(pad)}")
            return
        }
        out.line("\(pad)    if let apiVersion { sink.plainKey(\"apiVersion\"); sink.string(apiVersion) }")
        out.line("\(pad)    if let kind { sink.plainKey(\"kind\"); sink.string(kind) }")
        renderFieldWrites(fields.filter { $0.jsonName == "metadata" }, into: &out, pad: pad)
        out.line("\(pad)    writeBody(to: sink)")
        out.line("\(pad)    sink.endObject()")
        out.line("\(pad)}")
        out.line("")
        out.line("\(pad)public func writeBody(to sink: any DocumentSink) {")
        renderFieldWrites(fields.filter { $0.jsonName != "metadata" }, into: &out, pad: pad)
        out.line("\(pad)}")
    }

    /// One line per field: its key and value, an optional one only when it is set.
    private func renderFieldWrites(_ fields: [PropertyDeclaration], into out: inout SourceText, pad: String) {
        for property in fields {
            // A name every YAML reader reads back unquoted goes as a plain key, which the YAML
            // writer does not check again.
            let plain = PlainKey.isPlain(property.jsonName)
            let key = "sink.\(plain ? "plainKey" : "key")(\(literal(property.jsonName)))"
            let name = property.swiftName
            switch (property.isRequired, property.type) {
            case (true, _):
                out.line("\(pad)    \(key); \(writeStatements(name, property.type, depth: 0))")
            case (false, .named), (false, .intOrString), (false, .json):
                out.line("\(pad)    \(name)?.writeField(\(plain ? "plainKey: " : "")\(literal(property.jsonName)), to: sink)")
            case (false, _):
                // Scalars, arrays and maps: a copy is a word or a reference.
                out.line("\(pad)    if let value = \(name) { \(key); \(writeStatements("value", property.type, depth: 0)) }")
            }
        }
    }

    /// `init(reading:at:)`: each field looked up by its name, the type given, so the generic reader
    /// is specialized per field type and nothing is inferred; then the mapping's remaining entries
    /// are recorded as unknown.
    private func renderReader(_ fields: [PropertyDeclaration], isKind: Bool, into out: inout SourceText, pad: String) {
        out.line("")
        out.line("\(pad)public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {")
        // An object without fields is still an object: anything else in its place is a type error.
        out.line("\(pad)    var fields = try reader.fields(of: node)")
        if isKind {
            out.line("\(pad)    self.apiVersion = try reader.optional(\"apiVersion\", String.self, in: &fields)")
            out.line("\(pad)    self.kind = try reader.optional(\"kind\", String.self, in: &fields)")
        }
        for property in fields {
            let call = property.isRequired ? "required" : "optional"
            out.line("\(pad)    self.\(property.swiftName) = try reader.\(call)(\(literal(property.jsonName)), \(swiftType(property.type)).self, in: &fields)")
        }
        out.line("\(pad)    reader.finish(fields)")
        out.line("\(pad)}")
    }

    /// Statements that write `value`, an expression of `type`, into `sink`.
    func writeStatements(_ value: String, _ type: TypeReference, depth: Int) -> String {
        switch type {
        case .string: return "sink.string(\(value))"
        case .int: return "sink.int(\(value))"
        case .double: return "sink.double(\(value))"
        case .bool: return "sink.bool(\(value))"
        case .quantity: return "sink.string(\(value).text)"
        case .intOrString, .json, .named: return "\(value).write(to: sink)"
        case .array(let element):
            let index = "index\(depth)"
            return "sink.beginArray(); for \(index) in \(value).indices { \(writeStatements("\(value)[\(index)]", element, depth: depth + 1)) }; sink.endArray()"
        case .map(let element):
            let index = "index\(depth)"
            let entry = "\(value).entries[\(index)]"
            return "sink.beginObject(); for \(index) in \(value).entries.indices { sink.key(\(entry).key); \(writeStatements("\(entry).value", element, depth: depth + 1)) }; sink.endObject()"
        }
    }

    private func render(_ declaration: EnumDeclaration, into out: inout SourceText, indent: Int) {
        let pad = String(repeating: "    ", count: indent)
        let inner = pad + "    "
        let values = declaration.cases.map { $0.rawValue.isEmpty ? "`\"\"`" : "`\($0.rawValue)`" }.joined(separator: ", ")
        out.line("\(pad)/// One of \(values), or ``unknown(_:)`` for a value the schema does not list.")
        out.line("\(pad)public enum \(declaration.name): OpenEnumeration {")
        for item in declaration.cases { out.line("\(inner)case \(item.swiftName)") }
        out.line("\(inner)/// A value the schema does not list; validation reports it.")
        out.line("\(inner)case unknown(String)")
        out.line("")
        out.line("\(inner)public static let listed: [\(declaration.name)] = [\(declaration.cases.map { "." + SwiftNaming.bare($0.swiftName) }.joined(separator: ", "))]")
        out.line("")
        out.line("\(inner)public init(rawValue: String) {")
        out.line("\(inner)    switch rawValue {")
        for item in declaration.cases { out.line("\(inner)    case \(literal(item.rawValue)): self = .\(SwiftNaming.bare(item.swiftName))") }
        out.line("\(inner)    default: self = .unknown(rawValue)")
        out.line("\(inner)    }")
        out.line("\(inner)}")
        out.line("")
        out.line("\(inner)public var rawValue: String {")
        out.line("\(inner)    switch self {")
        for item in declaration.cases { out.line("\(inner)    case .\(SwiftNaming.bare(item.swiftName)): \(literal(item.rawValue))") }
        out.line("\(inner)    case .unknown(let value): value")
        out.line("\(inner)    }")
        out.line("\(inner)}")
        out.line("")
        out.line("\(inner)public func write(to sink: any DocumentSink) { sink.string(rawValue) }")
        out.line("\(pad)}")
    }

    func swiftType(_ type: TypeReference) -> String {
        switch type {
        case .string: "String"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .quantity: "Quantity"
        case .intOrString: "IntOrString"
        case .json: "JSONValue"
        case .named(let name): name
        case .array(let element): "[\(swiftType(element))]"
        case .map(let element): "StringMap<\(swiftType(element))>"
        }
    }

    private func literal(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}

/// Lines of source being built.
struct SourceText {
    private(set) var text = ""

    mutating func line(_ line: String) {
        text += line
        text += "\n"
    }
}
