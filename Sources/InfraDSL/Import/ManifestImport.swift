import KubernetesAPI

/// `gen import`: objects read from existing manifests written back as a SwiftPM package of InfraDSL
/// Swift, whose `swift run` renders them in gen's layout.
///
/// - One environment per namespace (`Sources/<Name>/<Namespace>/<Namespace>.swift`). A `Namespace`
///   object joins its own; other cluster-scoped objects join the default namespace's environment,
///   or the first.
/// - One file per application: a workload (Deployment, StatefulSet, DaemonSet, Job, CronJob) and
///   what belongs to it alone (the Services, budgets and policies selecting its pods, its
///   autoscaler, the ConfigMaps, Secrets, claims and service account only its pods name). The rest
///   in one file per kind group (`NetworkPolicies`, `Access`, `Configuration`...).
/// - The intent layer where an object is exactly what it builds (``IntentFit``), the generated API
///   otherwise; result builders throughout.
/// - What an environment cannot set (status, the API server's metadata) is left out and reported.
public enum ManifestImport {
    /// How the package is named and where it finds InfraDSL.
    public struct Options: Sendable {
        /// The package's and its executable's name, a Swift type name (`Shop`).
        public var name: String
        /// The path of the InfraDSL package, as the package's manifest writes it (relative to the
        /// package, or absolute).
        public var dependencyPath: String
        /// The identity SwiftPM gives that package (the last component of its path, lowercased).
        public var dependencyIdentity: String
        /// The namespace whose environment takes the cluster-scoped objects, when it has one.
        public var defaultNamespace: String

        public init(name: String, dependencyPath: String, dependencyIdentity: String, defaultNamespace: String) {
            self.name = name
            self.dependencyPath = dependencyPath
            self.dependencyIdentity = dependencyIdentity
            self.defaultNamespace = defaultNamespace
        }
    }

    /// The package: its files (paths relative to its root) and what the import reports.
    public struct Package: Sendable {
        public let files: [(path: String, contents: String)]
        /// What was left out, and why (warnings); nothing is dropped without one.
        public let notes: [Diagnostic]
        /// The environments, by name.
        public let environments: [String]
    }

    /// The package for `objects` (as ``ManifestReader/objects`` holds them).
    public static func package(_ objects: [(object: any KubernetesObject, location: SourceLocation)], options: Options) -> Package {
        var notes = DiagnosticCollector()
        var imported: [ImportedObject] = []
        for (object, location) in objects {
            let (reduced, leftOut) = ImportedObject.reduced(object, location: location)
            if !leftOut.isEmpty {
                notes.warning(
                    "import", "\(leftOut.joined(separator: ", ")) left out: the API server sets \(leftOut.count == 1 ? "it" : "them"), an environment does not",
                    at: ResourcePath([reduced.namespace ?? "", reduced.kind, reduced.name]), location)
            }
            imported.append(reduced)
        }
        let namespaces = Array(Set(imported.compactMap { $0.isNamespaced ? $0.namespace : nil })).sorted()
        let clusterHome = namespaces.contains(options.defaultNamespace) ? options.defaultNamespace : namespaces.first ?? options.defaultNamespace
        var files: [(path: String, contents: String)] = []
        var environmentTypes: [String] = []
        var topLevel = ImportNaming(reserved: ImportNaming.usedTypes.union([options.name]))
        let environments = namespaces.isEmpty ? [clusterHome] : namespaces
        for namespace in environments {
            let own = imported.filter { home(of: $0, among: namespaces, clusterHome: clusterHome) == namespace }
                .map { $0.leavingNamespace(to: namespace) }
            let typeName = topLevel.claim(ImportNaming.typeName(namespace), else: ImportNaming.typeName(namespace + "-namespace"))
            let plan = NamespacePlan(namespace: namespace, typeName: typeName, objects: own)
            files += plan.files(root: "Sources/\(options.name)/\(typeName)", qualified: namespaces.count > 1)
            if plan.holdsSecrets {
                notes.warning(
                    "import", "namespace \(namespace) holds Secret objects: imported as a development environment, the only kind that takes secret values in code; deliver them with ExternalSecrets before this environment is anything else",
                    at: ResourcePath([namespace]), own.first { $0.kind == "Secret" }!.location)
            }
            environmentTypes.append(typeName)
        }
        files.append(("Sources/\(options.name)/main.swift", mainFile(environmentTypes)))
        files.append(("Package.swift", manifest(options, usesCustomResources: imported.contains { moduleName(of: $0.object) == "CustomResources" })))
        files.append((".gitignore", "/.build\n/out\n"))
        return Package(files: files, notes: notes.diagnostics, environments: environments)
    }

    /// The environment an object joins: its namespace's; for a cluster-scoped object, the
    /// environment of the namespace it is (a `Namespace`), else `clusterHome`.
    private static func home(of object: ImportedObject, among namespaces: [String], clusterHome: String) -> String {
        if object.isNamespaced { return object.namespace ?? clusterHome }
        if object.kind == "Namespace", namespaces.contains(object.name) { return object.name }
        return clusterHome
    }

    /// The module that declares an object's type (`KubernetesAPI`, `CustomResources`).
    static func moduleName(of value: Any) -> String {
        String(String(reflecting: type(of: value)).prefix { $0 != "." })
    }

    private static func mainFile(_ environments: [String]) -> String {
        """
        import InfraDSL

        // `swift run` renders every environment below into gen's layout (`out/<environment>/kubernetes/`),
        // checked as gen checks them; `--help` lists the options.
        RenderCommand.main([
        \(environments.map { "    \($0).environment,\n" }.joined())])

        """
    }

    private static func manifest(_ options: Options, usesCustomResources: Bool) -> String {
        let products = ["InfraDSL", "KubernetesAPI"] + (usesCustomResources ? ["CustomResources"] : [])
        let package = SwiftSourceWriter.stringLiteral(options.dependencyIdentity, depth: 0)
        return """
        // swift-tools-version:6.1
        import PackageDescription

        // Written by `gen import`; edit freely. `swift run` renders the environments into `out/`.
        let package = Package(
            name: \(SwiftSourceWriter.stringLiteral(options.name, depth: 0)),
            platforms: [.macOS(.v13)],
            dependencies: [
                .package(path: \(SwiftSourceWriter.stringLiteral(options.dependencyPath, depth: 0))),
            ],
            targets: [
                .executableTarget(
                    name: \(SwiftSourceWriter.stringLiteral(options.name, depth: 0)),
                    dependencies: [
        \(products.map { "                .product(name: \"\($0)\", package: \(package)),\n" }.joined())            ]
                ),
            ],
            swiftLanguageModes: [.v6]
        )

        """
    }
}

extension ManifestImport {
    /// The Swift name a package in `directory` gets by default (`shop-manifests` → `ShopManifests`).
    public static func packageName(for directory: String) -> String {
        ImportNaming.typeName(String(directory.split(separator: "/").last ?? "Imported"))
    }
}
