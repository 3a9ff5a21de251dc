import KubernetesAPI
import Yams

/// Reads existing Kubernetes manifests into the typed model so `gen lint` can run the same checks
/// on YAML that was never written with the DSL. Unknown kinds are kept and reported; fields the
/// model does not have are reported with their lines; nothing crashes on odd input.
public struct ManifestReader {
    /// The objects read, in file order.
    public private(set) var resources: [any Resource] = []
    /// Findings about the input itself (unknown kinds and fields, bad quantities, malformed YAML).
    public private(set) var diagnostics = DiagnosticCollector()

    /// The kinds whose every field is read against their schema.
    private let kinds: KindLookup

    /// A reader with nothing read yet, checking the generated API's kinds and any `more` (imported
    /// custom resources) against their schemas.
    public init(more: [any KubernetesObject.Type] = []) {
        kinds = KindLookup(GeneratedKinds.all + more)
    }

    /// Reads every document of one file.
    public mutating func read(yaml: String, file: String) {
        var documents: [Node] = []
        do {
            let parser = try Parser(yaml: yaml)
            while let document = try parser.nextRoot() { documents.append(document) }
        } catch {
            diagnostics.error("yaml", "malformed YAML: \(error)", at: ResourcePath([file]), SourceLocation(path: file, line: 1))
            return
        }
        for document in documents {
            let root = ManifestNode(document, file: file, path: [])
            guard let kind = root["kind"]?.string else {
                diagnostics.warning("lint", "a document without `kind` is skipped", at: ResourcePath([file]), root.location)
                continue
            }
            let name = root["metadata"]?["name"]?.string ?? ""
            let schema = checkSchema(document, apiVersion: root["apiVersion"]?.string, kind: kind, at: ResourcePath([file, kind, name]), root.location)
            let schemaChecked = schema.hasSchema
            // Kinds the intent model has are read into it; any other kind of the generated API is
            // placed as it was decoded, so a CronJob's or DaemonSet's pods are checked like a
            // StatefulSet's.
            guard var resource = object(kind: kind, name: name, root) ?? schema.decoded.map({ Self.placed($0, at: root.location, lines: ManifestLines(document, file: file)) }) else {
                if schemaChecked {
                    diagnostics.warning("lint", "kind \(kind) does not match its schema, so the semantic checks do not read it", at: ResourcePath([file, kind, name]), root.location)
                } else {
                    diagnostics.warning("lint", "kind \(kind) is not in the model: kept, not checked", at: ResourcePath([file, kind, name]), root.location)
                }
                continue
            }
            if let metadata = root["metadata"] {
                resource.metadata.namespace = metadata["namespace"]?.string
                resource.metadata.labels = metadata["labels"]?.stringMap ?? .none
                resource.metadata.annotations = metadata["annotations"]?.stringMap ?? .none
            }
            // A kind with a schema had every field read against it above: a field the schema lacks
            // is already an error there. Without a schema, each field the model skips is named.
            for unknown in root.unreadKeys() where !schemaChecked {
                diagnostics.warning("lint", "field \(unknown.path) is not in the model: kept, not checked", at: ResourcePath([file, kind, name]), unknown.location)
            }
            resources.append(resource)
        }
    }

    /// What reading a document against its schema gave.
    private enum SchemaReading {
        /// The kind has no schema here.
        case outside
        /// The document does not match the schema (reported).
        case rejected
        /// The document as its generated type.
        case read(any KubernetesObject)

        var decoded: (any KubernetesObject)? {
            if case .read(let object) = self { return object }
            return nil
        }

        var hasSchema: Bool {
            if case .outside = self { return false }
            return true
        }
    }

    /// A generated object placed as a resource at its manifest's line.
    private static func placed<Object: KubernetesObject>(_ object: Object, at location: SourceLocation, lines: ManifestLines) -> any Resource {
        APIObject(object, location: location, lines: lines)
    }

    /// Reads the whole document into its generated type: every field is checked against the schema
    /// (unknown fields, wrong types, missing required fields are errors with their lines).
    private mutating func checkSchema(
        _ document: Node, apiVersion: String?, kind: String, at path: ResourcePath, _ location: SourceLocation
    ) -> SchemaReading {
        guard let apiVersion else {
            diagnostics.error("schema", "the object has no apiVersion", at: path, location)
            return .outside
        }
        guard let type = kinds.type(apiVersion: apiVersion, kind: kind) else {
            let versions = kinds.versions(of: kind)
            if versions.isEmpty {
                diagnostics.warning("schema", "\(apiVersion) \(kind) is outside the generated API: its fields are not checked against a schema", at: path, location)
            } else {
                diagnostics.error("schema", "apiVersion \(apiVersion) does not serve \(kind) (removed or misspelt); use \(versions.joined(separator: " or "))", at: path, location)
            }
            return .outside
        }
        do {
            return .read(try decodeStrictly(type, document))
        } catch {
            let field = error.field.isEmpty ? "" : "\(error.field): "
            diagnostics.error("schema", "\(field)\(error.message)", at: path, SourceLocation(path: location.path, line: error.line ?? location.line))
            return .rejected
        }
    }

    private func decodeStrictly<T: KubernetesObject>(_ type: T.Type, _ document: Node) throws(StrictYAMLDecoder.Failure) -> T {
        try StrictYAMLDecoder().decodeGenerated(type, from: document)
    }

    private mutating func object(kind: String, name: String, _ root: ManifestNode) -> (any Resource)? {
        let location = root.location
        let spec = root["spec"]
        var resource: any Resource
        switch kind {
        case "Namespace":
            resource = Namespace(name)
        case "ResourceQuota":
            let hard = spec?["hard"]
            resource = ResourceQuota(name, hard: .init(
                requestsCPU: cpu(hard?["requests.cpu"]) ?? cpu(hard?["cpu"]), requestsMemory: bytes(hard?["requests.memory"]) ?? bytes(hard?["memory"]),
                limitsCPU: cpu(hard?["limits.cpu"]), limitsMemory: bytes(hard?["limits.memory"]),
                requestsStorage: bytes(hard?["requests.storage"]), persistentVolumeClaims: hard?["persistentvolumeclaims"]?.int,
                pods: hard?["pods"]?.int))
        case "StatefulSet":
            var statefulSet = StatefulSet(
                name, selector: spec?["selector"].map(matchLabels) ?? .none, serviceName: spec?["serviceName"]?.string ?? "",
                replicas: spec?["replicas"]?.int, template: podTemplate(spec?["template"]))
            if let policy = spec?["podManagementPolicy"]?.string, let value = StatefulSet.PodManagementPolicy(rawValue: policy) {
                statefulSet = statefulSet.podManagementPolicy(value)
            }
            if let strategy = spec?["updateStrategy"] {
                if strategy["type"]?.string == "OnDelete" {
                    statefulSet = statefulSet.updateStrategy(StatefulSet.UpdateStrategy.onDelete)
                } else {
                    let rolling = strategy["rollingUpdate"]
                    statefulSet = statefulSet.updateStrategy(StatefulSet.UpdateStrategy.rollingUpdate(partition: rolling?["partition"]?.int, maxUnavailable: rolling?["maxUnavailable"]?.int))
                }
            }
            for claim in spec?["volumeClaimTemplates"]?.items ?? [] {
                let claimSpec = claim["spec"].map { claimSpecOf($0) } ?? ClaimSpec(storage: .bytes(0))
                var template = VolumeClaimTemplate(claim["metadata"]?["name"]?.string ?? "", claimSpec)
                template.location = claim.location
                statefulSet = statefulSet.volumeClaimTemplates(template)
            }
            resource = statefulSet
        case "Deployment":
            resource = Deployment(name, selector: spec?["selector"].map(matchLabels) ?? .none, replicas: spec?["replicas"]?.int, template: podTemplate(spec?["template"]))
            spec?["strategy"]?.readAll()
        case "Service":
            resource = service(name, spec, location)
        case "ConfigMap":
            resource = ConfigMap(name, data: root["data"]?.stringMap ?? .none)
        case "Secret":
            _ = root["type"]
            let literal = (root["stringData"]?.stringMap ?? .none).merging(root["data"]?.stringMap ?? .none)
            resource = Secret(name, stringData: literal)
        case "PersistentVolumeClaim":
            resource = PersistentVolumeClaim(name, spec.map { claimSpecOf($0) } ?? ClaimSpec(storage: .bytes(0)))
        case "NetworkPolicy":
            resource = networkPolicy(name, spec)
        case "PodDisruptionBudget":
            let budget: PodDisruptionBudget.Budget = if let minimum = spec?["minAvailable"] {
                .minAvailable(podCount(minimum))
            } else {
                .maxUnavailable(podCount(spec?["maxUnavailable"]))
            }
            resource = PodDisruptionBudget(name, selector: spec?["selector"].map(matchLabels) ?? .none, budget: budget, location: location)
        case "PriorityClass":
            _ = root["globalDefault"]; _ = root["description"]; _ = root["preemptionPolicy"]
            resource = PriorityClass(name, value: root["value"]?.int ?? 0)
        case "HorizontalPodAutoscaler":
            let target = spec?["scaleTargetRef"]
            spec?["metrics"]?.readAll()
            resource = HorizontalPodAutoscaler(
                name, target: (target?["apiVersion"]?.string ?? "", target?["kind"]?.string ?? "", target?["name"]?.string ?? ""),
                minReplicas: spec?["minReplicas"]?.int ?? 1, maxReplicas: spec?["maxReplicas"]?.int ?? 1, metrics: [.cpuUtilization(80)], location: location)
        case "ServiceAccount":
            resource = ServiceAccount(name, automountToken: root["automountServiceAccountToken"]?.bool)
        case "Role":
            resource = Role(name, rules: (root["rules"]?.items ?? []).map {
                PolicyRule(apiGroups: $0["apiGroups"]?.strings ?? [], resources: $0["resources"]?.strings ?? [], verbs: $0["verbs"]?.strings ?? [], resourceNames: $0["resourceNames"]?.strings ?? [])
            })
        case "RoleBinding":
            let roleRef = root["roleRef"]
            roleRef?.readAll()
            let roleName = roleRef?["name"]?.string ?? ""
            let subjects: [Subject] = (root["subjects"]?.items ?? []).compactMap { subject in
                subject.readAll()
                let subjectName = subject["name"]?.string ?? ""
                switch subject["kind"]?.string {
                case "User": return .user(subjectName)
                case "Group": return .group(subjectName)
                case "ServiceAccount": return .serviceAccount(subjectName, namespace: subject["namespace"]?.string)
                default: return nil
                }
            }
            resource = RoleBinding(name, role: roleRef?["kind"]?.string == "ClusterRole" ? .clusterRole(roleName) : .role(roleName), subjects: subjects)
        default:
            return nil
        }
        resource.location = location
        return resource
    }

    // MARK: - Pieces

    private func matchLabels(_ selector: ManifestNode) -> Labels {
        _ = selector["matchExpressions"]
        return selector["matchLabels"]?.stringMap ?? .none
    }

    private func labelSelector(_ node: ManifestNode?) -> LabelSelector {
        guard let node else { return LabelSelector() }
        let expressions = (node["matchExpressions"]?.items ?? []).compactMap { item -> LabelRequirement? in
            guard let key = item["key"]?.string, let op = item["operator"]?.string.flatMap(LabelRequirement.Operator.init(rawValue:)) else { return nil }
            return LabelRequirement(key, op, item["values"]?.strings ?? [])
        }
        return LabelSelector(matchLabels: node["matchLabels"]?.stringMap ?? .none, matchExpressions: expressions)
    }

    mutating func cpu(_ node: ManifestNode?) -> CPU? {
        guard let node, let text = node.string else { return nil }
        guard let milli = QuantityParser.milliUnits(text) else {
            diagnostics.error("quantity", "'\(text)' is not a CPU quantity", at: ResourcePath([node.file] + node.path), node.location)
            return nil
        }
        return .millicores(Int(milli))
    }

    mutating func bytes<T: ByteQuantity>(_ node: ManifestNode?) -> T? {
        guard let node, let text = node.string else { return nil }
        guard let bytes = QuantityParser.bytes(text) else {
            diagnostics.error("quantity", "'\(text)' is not a byte quantity", at: ResourcePath([node.file] + node.path), node.location)
            return nil
        }
        return T(exactBytes: bytes)
    }

    private func podCount(_ node: ManifestNode?) -> PodCount {
        guard let text = node?.string else { return .count(0) }
        if text.hasSuffix("%"), let percent = Int(text.dropLast()) { return .percent(percent) }
        return .count(Int(text) ?? 0)
    }

    private func port(_ node: ManifestNode?) -> PortReference {
        if let number = node?.int { return .number(Port(number)) }
        return .name(node?.string ?? "")
    }

    private mutating func claimSpecOf(_ spec: ManifestNode) -> ClaimSpec {
        let storage: Storage? = bytes(spec["resources"]?["requests"]?["storage"])
        let modes = (spec["accessModes"]?.strings ?? []).compactMap(AccessMode.init(rawValue:))
        return ClaimSpec(storage: storage ?? .bytes(0), storageClassName: spec["storageClassName"]?.string, accessModes: modes)
    }

    private mutating func service(_ name: String, _ spec: ManifestNode?, _ location: SourceLocation) -> Service {
        let ports = (spec?["ports"]?.items ?? []).map { item in
            var servicePort = ServicePort(
                item["name"]?.string ?? "\(item["port"]?.int ?? 0)", Port(item["port"]?.int ?? 0),
                targetPort: item["targetPort"].map(port) ?? .number(Port(item["port"]?.int ?? 0)),
                protocol: item["protocol"]?.string.flatMap(PortProtocol.init(rawValue:)) ?? .tcp)
            servicePort.location = item.location
            return servicePort
        }
        _ = spec?["type"]; _ = spec?["publishNotReadyAddresses"]
        if let external = spec?["externalName"]?.string {
            return Service(name, backend: .externalName(external), ports: ports, location: location)
        }
        let headless = spec?["clusterIP"]?.string == "None"
        let backend = Service.Backend.pods(selector: spec?["selector"]?.stringMap ?? .none, workload: "the selected pods", portNames: nil, headless: headless)
        return Service(name, backend: backend, ports: ports, location: location)
    }

    private func networkPolicy(_ name: String, _ spec: ManifestNode?) -> NetworkPolicy {
        let types = (spec?["policyTypes"]?.strings ?? []).compactMap(PolicyDirection.init(rawValue:))
        var rules: [NetworkRule] = []
        for (key, direction) in [("ingress", PolicyDirection.ingress), ("egress", .egress)] {
            for item in spec?[key]?.items ?? [] {
                let peers = (item[direction == .ingress ? "from" : "to"]?.items ?? []).compactMap(peer)
                let ports = (item["ports"]?.items ?? []).map { entry in
                    NetworkPolicyPort(port: entry["port"].map(port), transport: entry["protocol"]?.string.flatMap(PortProtocol.init(rawValue:)) ?? .tcp)
                }
                var rule = direction == .ingress ? NetworkRule.ingress(from: peers, ports: ports) : NetworkRule.egress(to: peers, ports: ports)
                rule.location = item.location
                rules.append(rule)
            }
        }
        return NetworkPolicy(name, podSelector: labelSelector(spec?["podSelector"]), policyTypes: types.isEmpty ? nil : types) { rules }
    }

    private func peer(_ node: ManifestNode) -> NetworkPeer? {
        if let block = node["ipBlock"] {
            return .ipBlock(cidr: block["cidr"]?.string ?? "", except: block["except"]?.strings ?? [])
        }
        let pods = node["podSelector"].map(labelSelector)
        let namespaces = node["namespaceSelector"].map(labelSelector)
        switch (pods, namespaces) {
        case (let pods?, let namespaces?): return .podsInNamespaces(pods: pods, namespaces: namespaces)
        case (let pods?, nil): return .pods(pods)
        case (nil, let namespaces?): return .namespaces(namespaces)
        case (nil, nil): return nil
        }
    }
}
