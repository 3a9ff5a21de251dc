import KubernetesAPI

/// One namespace of an import: its objects sorted into applications and kind groups, and the Swift
/// files that build its environment.
struct NamespacePlan {
    let namespace: String
    /// The namespace's Swift type (`Shop`), which holds its environment and its groups.
    let typeName: String
    let objects: [ImportedObject]

    /// A file's worth of objects: one application or one kind group.
    struct Group {
        /// Its Swift type inside the namespace's (`Frontend`, `NetworkPolicies`).
        var typeName: String
        /// What the file's doc comment says it holds.
        var summary: String
        /// Indexes into ``NamespacePlan/objects``, in manifest order.
        var members: [Int]
        /// The workload an application is built around.
        var workload: Int?
    }

    /// Whether the namespace has Secrets, which only a development environment takes in code.
    var holdsSecrets: Bool { objects.contains { $0.kind == "Secret" } }

    /// The files, paths under `root`; `qualified` names each group's file `<Namespace>+<Group>.swift`
    /// (a module's files need distinct names, and namespaces may have groups of the same name).
    func files(root: String, qualified: Bool) -> [(path: String, contents: String)] {
        let groups = self.groups()
        let prefix = qualified ? "\(typeName)+" : ""
        var files = groups.map { group in ("\(root)/\(prefix)\(group.typeName).swift", source(of: group)) }
        files.append(("\(root)/\(typeName).swift", environmentSource(groups)))
        return files
    }

    // MARK: Grouping

    /// Applications first (one per workload), then kind groups, each in the order its first object
    /// appeared.
    func groups() -> [Group] {
        var naming = ImportNaming(reserved: ImportNaming.usedTypes.union([typeName, "Main"]).union(Self.kindGroups.values))
        var owner = [Int?](repeating: nil, count: objects.count)
        var applications: [Group] = []
        for (index, object) in objects.enumerated() where object.podLabels != nil {
            let name = naming.claim(ImportNaming.typeName(object.name), else: ImportNaming.typeName("\(object.name)-\(object.kind)"))
            owner[index] = applications.count
            applications.append(Group(typeName: name, summary: "The `\(object.name)` application: its \(object.kind) and what belongs to it alone.", members: [index], workload: index))
        }
        let workloads = applications.map { objects[$0.workload!] }
        for (index, object) in objects.enumerated() where owner[index] == nil {
            if let application = Self.application(of: object, among: workloads) { owner[index] = application }
        }
        var kindGroups: [String: Group] = [:]
        var kindOrder: [String] = []
        for (index, object) in objects.enumerated() {
            if let application = owner[index] {
                if index != applications[application].workload { applications[application].members.append(index) }
                continue
            }
            let group = Self.kindGroup(of: object.kind)
            if kindGroups[group] == nil {
                kindOrder.append(group)
                kindGroups[group] = Group(typeName: group, summary: "", members: [])
            }
            kindGroups[group]!.members.append(index)
        }
        let grouped = kindOrder.map { name in
            var group = kindGroups[name]!
            let kinds = Array(Set(group.members.map { objects[$0].kind })).sorted()
            group.summary = "The namespace's \(kinds.joined(separator: ", ")) objects that no single application owns."
            return group
        }
        return applications + grouped
    }

    /// The application (index into `workloads`) that `object` belongs to alone, if any.
    private static func application(of object: ImportedObject, among workloads: [ImportedObject]) -> Int? {
        func only(_ matches: (ImportedObject) -> Bool) -> Int? {
            let found = workloads.indices.filter { matches(workloads[$0]) }
            return found.count == 1 ? found[0] : nil
        }
        func selects(_ selector: StringMap<String>?, _ workload: ImportedObject) -> Bool {
            guard let selector, !selector.isEmpty, let labels = workload.podLabels else { return false }
            return selector.allSatisfy { labels[$0.key] == $0.value }
        }
        switch object.object {
        case let service as CoreV1.Service:
            return only { selects(service.spec?.selector, $0) }
        case let budget as PolicyV1.PodDisruptionBudget:
            guard budget.spec?.selector?.matchExpressions == nil else { return nil }
            return only { selects(budget.spec?.selector?.matchLabels, $0) }
        case let policy as NetworkingV1.NetworkPolicy:
            let selector = policy.spec?.podSelector
            guard selector?.matchExpressions == nil else { return nil }
            return only { selects(selector?.matchLabels, $0) }
        case let autoscaler as AutoscalingV2.HorizontalPodAutoscaler:
            guard let target = autoscaler.spec?.scaleTargetRef else { return nil }
            return only { $0.kind == target.kind && $0.name == target.name }
        case is CoreV1.ConfigMap, is CoreV1.Secret, is CoreV1.ServiceAccount, is CoreV1.PersistentVolumeClaim:
            let key = "\(object.kind)/\(object.name)"
            return only { $0.podReferences.contains(key) }
        default:
            return nil
        }
    }

    /// Kinds by the group that holds them when no application does.
    private static let kindGroups: [String: String] = [
        "Namespace": "Namespaces",
        "ResourceQuota": "Quotas", "LimitRange": "Quotas",
        "NetworkPolicy": "NetworkPolicies", "Ingress": "Ingresses",
        "ServiceAccount": "Access", "Role": "Access", "RoleBinding": "Access", "ClusterRole": "Access", "ClusterRoleBinding": "Access",
        "ConfigMap": "Configuration", "Secret": "Secrets",
        "PersistentVolumeClaim": "Storage", "Service": "Services",
        "PriorityClass": "Scheduling",
        "PodDisruptionBudget": "DisruptionBudgets", "HorizontalPodAutoscaler": "Autoscalers",
    ]

    private static func kindGroup(of kind: String) -> String {
        if let group = kindGroups[kind] { return group }
        return kind.hasSuffix("y") ? kind.dropLast() + "ies" : kind.hasSuffix("s") ? kind + "es" : kind + "s"
    }

    // MARK: Swift

    /// The group's file: an enum in the namespace's type, its objects as static properties and a
    /// builder listing them.
    private func source(of group: Group) -> String {
        let isSecrets = group.members.contains { objects[$0].kind == "Secret" }
        var naming = ImportNaming(reserved: ["objects"])
        var names: [Int: String] = [:]
        for index in group.members {
            let object = objects[index]
            let kindWord = ImportNaming.propertyName(object.kind)
            names[index] = group.workload != nil
                ? naming.claim(kindWord, else: ImportNaming.propertyName("\(object.name)-\(object.kind)"))
                : naming.claim(ImportNaming.propertyName(object.name), else: ImportNaming.propertyName("\(object.name)-\(object.kind)"))
        }
        var properties: [String] = []
        for index in group.members {
            let object = objects[index]
            let name = names[index]!
            let parts = HoistedParts(naming: naming)
            let writer = SwiftSourceWriter(parts: parts)
            let expression: String
            if let workload = group.workload, index != workload,
               let intent = IntentFit.source(for: object, workload: objects[workload], workloadName: names[workload]!) {
                expression = intent
            } else if object.kind == "Secret" {
                expression = writer.object(object.object, depth: 1)
            } else {
                expression = "APIObject(\(writer.object(object.object, depth: 1)))"
            }
            naming = parts.naming
            properties.append(Self.property(name, expression, doc: "\(object.kind) `\(object.name)`, from \(object.location)."))
            for part in parts.parts {
                properties.append(Self.property(part.name, part.expression, doc: "\(part.summary) of \(object.kind) `\(object.name)`."))
            }
        }
        let builder = isSecrets ? "DevelopmentEnvironmentBuilder" : "EnvironmentBuilder"
        let modules = Set(group.members.map { ManifestImport.moduleName(of: objects[$0].object) }).subtracting(["KubernetesAPI"]).sorted()
        return """
            \((["InfraDSL", "KubernetesAPI"] + modules).map { "import \($0)\n" }.joined())
            extension \(typeName) {
                /// \(group.summary)
                enum \(group.typeName) {
                    /// Every object of the group, in the order the manifests held them.
                    @\(builder) static var objects: [EnvironmentPart] {
            \(group.members.map { "            \(names[$0]!)\n" }.joined())        }

            \(properties.joined(separator: "\n\n"))
                }
            }

            """
    }

    /// `static let name = expression` with its doc comment, inside a group's enum (two levels in).
    private static func property(_ name: String, _ expression: String, doc: String) -> String {
        let indented = expression.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n").dropFirst(4)
        return "        /// \(doc)\n        static let \(name) = \(indented)"
    }

    /// The namespace's file: its environment, built from every group.
    private func environmentSource(_ groups: [Group]) -> String {
        let development = holdsSecrets
        let constructor = development ? "Environment.development" : "Environment"
        let name = SwiftSourceWriter.stringLiteral(namespace, depth: 0)
        return """
            import InfraDSL

            /// The `\(namespace)` namespace, as imported: one environment, rendered into `out/\(namespace)/`.
            enum \(typeName) {
                static var environment: Environment {
                    \(constructor)(\(name), namespace: \(name)) {
            \(groups.map { "            \($0.typeName).objects\n" }.joined())        }
                }
            }

            """
    }
}
