import KubernetesAPI

/// Reads an object `gen lint` decoded into its generated type into the intent model the semantic
/// checks read (a ``StatefulSet``, a ``Service``, a ``NetworkPolicy``...), each part placed at the
/// YAML line that wrote it. A kind without an intent type is placed as it is (``APIObject``), its
/// pods checked through the same ``PodTemplateBridge``.
///
/// Nothing is read from the YAML text here: the generated object is the one reading of a manifest,
/// so a field the schema has is never skipped, and one it lacks was already an error.
struct IntentReading {
    /// Where the object starts.
    let location: SourceLocation
    /// The manifest's lines by field path.
    let lines: ManifestLines
    /// Quantities the units cannot hold (a CPU of `2 cores`), with their lines.
    private(set) var diagnostics = DiagnosticCollector()

    init(location: SourceLocation, lines: ManifestLines) {
        self.location = location
        self.lines = lines
    }

    /// The line of the field at `path`, else of its nearest ancestor.
    func at(_ path: [String]) -> SourceLocation {
        lines.line(of: path).map { SourceLocation(path: lines.file, line: $0) } ?? location
    }

    /// The resource the checks see for `object`, its metadata taken from the manifest. An object read
    /// into an intent type gets here what a placed object's validation gives it (values its schema
    /// does not list, malformed quantities), at the lines of the fields.
    mutating func resource(_ object: any KubernetesObject, problems: [APIObjectValidation.ValueProblem]) -> any Resource {
        guard var resource = intent(object) else { return placed(object, problems) }
        resource.location = location
        if let metadata = object.metadata {
            resource.metadata.namespace = metadata.namespace
            resource.metadata.labels = Labels(metadata.labels)
            resource.metadata.annotations = Labels(metadata.annotations)
        }
        validate(object, problems)
        return resource
    }

    private mutating func validate<Object: KubernetesObject>(_ object: Object, _ problems: [APIObjectValidation.ValueProblem]) {
        var context = ValidationContext(environment: lines.file)
        context.within(Object.kind, object.metadata?.name ?? "") { context in
            APIObjectValidation.validate(object, at: location, lines: lines, readProblems: problems, into: &context)
        }
        diagnostics.append(contentsOf: context.diagnostics)
    }

    private func placed<Object: KubernetesObject>(_ object: Object, _ problems: [APIObjectValidation.ValueProblem]) -> any Resource {
        APIObject(object, location: location, lines: lines, readProblems: problems)
    }

    private mutating func intent(_ object: any KubernetesObject) -> (any Resource)? {
        let name = object.metadata?.name ?? ""
        switch object {
        case is CoreV1.Namespace:
            return Namespace(name)
        case let quota as CoreV1.ResourceQuota:
            return resourceQuota(name, quota.spec?.hard)
        case let statefulSet as AppsV1.StatefulSet:
            return self.statefulSet(name, statefulSet)
        case let deployment as AppsV1.Deployment:
            let spec = deployment.spec
            return Deployment(
                name, selector: Labels(spec?.selector.matchLabels), replicas: spec?.replicas,
                template: template(spec?.template, at: ["spec", "template"]))
        case let service as CoreV1.Service:
            return self.service(name, service.spec)
        case let configMap as CoreV1.ConfigMap:
            return ConfigMap(name, data: Labels(configMap.data))
        case let secret as CoreV1.Secret:
            // What the checks ask of a Secret is its keys; `data` holds them base64-encoded.
            return Secret(name, stringData: Labels(secret.stringData).merging(Labels(secret.data)))
        case let claim as CoreV1.PersistentVolumeClaim:
            return PersistentVolumeClaim(name, claimSpec(claim.spec, at: ["spec"]))
        case let policy as NetworkingV1.NetworkPolicy:
            return networkPolicy(name, policy.spec)
        case let budget as PolicyV1.PodDisruptionBudget:
            return disruptionBudget(name, budget.spec)
        case let priority as SchedulingV1.PriorityClass:
            return PriorityClass(name, value: priority.value)
        case let autoscaler as AutoscalingV2.HorizontalPodAutoscaler:
            return self.autoscaler(name, autoscaler.spec)
        case let account as CoreV1.ServiceAccount:
            return ServiceAccount(name, automountToken: account.automountServiceAccountToken)
        case let role as RbacV1.Role:
            return Role(name, rules: (role.rules ?? []).map {
                PolicyRule(apiGroups: $0.apiGroups ?? [], resources: $0.resources ?? [], verbs: $0.verbs, resourceNames: $0.resourceNames ?? [])
            })
        case let binding as RbacV1.RoleBinding:
            let subjects: [Subject] = (binding.subjects ?? []).compactMap { subject in
                switch subject.kind {
                case "User": .user(subject.name)
                case "Group": .group(subject.name)
                case "ServiceAccount": .serviceAccount(subject.name, namespace: subject.namespace)
                default: nil
                }
            }
            let role: RoleBinding.RoleReference = binding.roleRef.kind == "ClusterRole" ? .clusterRole(binding.roleRef.name) : .role(binding.roleRef.name)
            return RoleBinding(name, role: role, subjects: subjects)
        default:
            return nil
        }
    }

    // MARK: - Kinds

    private mutating func resourceQuota(_ name: String, _ hard: StringMap<Quantity>?) -> ResourceQuota {
        let path = ["spec", "hard"]
        return ResourceQuota(name, hard: .init(
            requestsCPU: cpu(hard?["requests.cpu"], at: path + ["requests.cpu"]) ?? cpu(hard?["cpu"], at: path + ["cpu"]),
            requestsMemory: bytes(hard?["requests.memory"], at: path + ["requests.memory"]) ?? bytes(hard?["memory"], at: path + ["memory"]),
            limitsCPU: cpu(hard?["limits.cpu"], at: path + ["limits.cpu"]),
            limitsMemory: bytes(hard?["limits.memory"], at: path + ["limits.memory"]),
            requestsStorage: bytes(hard?["requests.storage"], at: path + ["requests.storage"]),
            persistentVolumeClaims: count(hard?["persistentvolumeclaims"]), pods: count(hard?["pods"])))
    }

    private mutating func statefulSet(_ name: String, _ object: AppsV1.StatefulSet) -> StatefulSet {
        let spec = object.spec
        var statefulSet = StatefulSet(
            name, selector: Labels(spec?.selector.matchLabels), serviceName: spec?.serviceName ?? "",
            replicas: spec?.replicas, template: template(spec?.template, at: ["spec", "template"]))
        if let policy = spec?.podManagementPolicy, let value = StatefulSet.PodManagementPolicy(rawValue: policy.rawValue) {
            statefulSet = statefulSet.podManagementPolicy(value)
        }
        if let strategy = spec?.updateStrategy {
            if strategy.type == .onDelete {
                statefulSet = statefulSet.updateStrategy(.onDelete)
            } else {
                let rolling = strategy.rollingUpdate
                let maxUnavailable: Int? = if case .int(let count)? = rolling?.maxUnavailable { count } else { nil }
                statefulSet = statefulSet.updateStrategy(.rollingUpdate(partition: rolling?.partition, maxUnavailable: maxUnavailable))
            }
        }
        for (index, claim) in (spec?.volumeClaimTemplates ?? []).enumerated() {
            let path = ["spec", "volumeClaimTemplates", "\(index)"]
            var template = VolumeClaimTemplate(claim.metadata?.name ?? "", claimSpec(claim.spec, at: path + ["spec"]))
            template.location = at(path)
            statefulSet = statefulSet.volumeClaimTemplates(template)
        }
        return statefulSet
    }

    private func service(_ name: String, _ spec: CoreV1.ServiceSpec?) -> Service {
        let ports = (spec?.ports ?? []).enumerated().map { index, item in
            var port = ServicePort(
                item.name ?? "\(item.port)", Port(item.port), targetPort: item.targetPort.map(PortReference.init(generated:)) ?? .number(Port(item.port)),
                protocol: item.protocol.flatMap { PortProtocol(rawValue: $0.rawValue) } ?? .tcp)
            port.location = at(["spec", "ports", "\(index)"])
            return port
        }
        if let external = spec?.externalName {
            return Service(name, backend: .externalName(external), ports: ports, location: location)
        }
        // Without a selector (not an empty one), its endpoints are someone else's to manage.
        guard spec?.selector != nil else { return Service(name, backend: .manualEndpoints, ports: ports, location: location) }
        let backend = Service.Backend.pods(
            selector: Labels(spec?.selector), workload: "the selected pods", portNames: nil, headless: spec?.clusterIP == "None")
        return Service(name, backend: backend, ports: ports, location: location)
    }

    private func networkPolicy(_ name: String, _ spec: NetworkingV1.NetworkPolicySpec?) -> NetworkPolicy {
        let types = (spec?.policyTypes ?? []).compactMap { PolicyDirection(rawValue: $0.rawValue) }
        var rules: [NetworkRule] = []
        for (index, item) in (spec?.ingress ?? []).enumerated() {
            var rule = NetworkRule.ingress(from: (item.from ?? []).compactMap(peer), ports: (item.ports ?? []).map(policyPort))
            rule.location = at(["spec", "ingress", "\(index)"])
            rules.append(rule)
        }
        for (index, item) in (spec?.egress ?? []).enumerated() {
            var rule = NetworkRule.egress(to: (item.to ?? []).compactMap(peer), ports: (item.ports ?? []).map(policyPort))
            rule.location = at(["spec", "egress", "\(index)"])
            rules.append(rule)
        }
        return NetworkPolicy(name, podSelector: LabelSelector(generated: spec?.podSelector), policyTypes: types.isEmpty ? nil : types) { rules }
    }

    private func disruptionBudget(_ name: String, _ spec: PolicyV1.PodDisruptionBudgetSpec?) -> PodDisruptionBudget {
        let budget: PodDisruptionBudget.Budget = if let minimum = spec?.minAvailable {
            .minAvailable(podCount(minimum))
        } else {
            .maxUnavailable(spec?.maxUnavailable.map(podCount) ?? .count(0))
        }
        return PodDisruptionBudget(name, selector: Labels(spec?.selector?.matchLabels), budget: budget, location: location)
    }

    /// The replica bounds and target the checks read; utilization targets become ``ScalingMetric``s,
    /// and the manifest's metrics list is kept as it is on the object (a patch), so nothing the
    /// intent type cannot name is lost. Without metrics the API server targets 80 % CPU.
    private func autoscaler(_ name: String, _ spec: AutoscalingV2.HorizontalPodAutoscalerSpec?) -> HorizontalPodAutoscaler {
        let target = spec?.scaleTargetRef
        let metrics = spec?.metrics
        let utilization: [ScalingMetric] = (metrics ?? []).compactMap { metric in
            guard let resource = metric.resource, resource.target.type == .utilization, let percent = resource.target.averageUtilization else { return nil }
            return switch resource.name {
            case "cpu": .cpuUtilization(percent)
            case "memory": .memoryUtilization(percent)
            default: nil
            }
        }
        var autoscaler = HorizontalPodAutoscaler(
            name, target: (target?.apiVersion ?? "", target?.kind ?? "", target?.name ?? ""),
            minReplicas: spec?.minReplicas ?? 1, maxReplicas: spec?.maxReplicas ?? 1,
            metrics: metrics == nil ? [.cpuUtilization(80)] : utilization, location: location)
        if let metrics {
            autoscaler.patches.append(ObjectPatch(change: { $0.spec?.metrics = metrics }, location: at(["spec", "metrics"])))
        }
        return autoscaler
    }

    // MARK: - Pieces

    private func template(_ spec: CoreV1.PodTemplateSpec?, at path: [String]) -> PodTemplate {
        PodTemplateBridge(location: location, lines: lines, templatePath: path).template(spec)
    }

    private mutating func claimSpec(_ spec: CoreV1.PersistentVolumeClaimSpec?, at path: [String]) -> ClaimSpec {
        let storage: Storage? = bytes(spec?.resources?.requests?["storage"], at: path + ["resources", "requests", "storage"])
        let modes = (spec?.accessModes ?? []).compactMap { AccessMode(rawValue: $0.rawValue) }
        return ClaimSpec(storage: storage ?? .bytes(0), storageClassName: spec?.storageClassName, accessModes: modes)
    }

    private func peer(_ peer: NetworkingV1.NetworkPolicyPeer) -> NetworkPeer? {
        if let block = peer.ipBlock { return .ipBlock(cidr: block.cidr, except: block.except ?? []) }
        switch (peer.podSelector.map { LabelSelector(generated: $0) }, peer.namespaceSelector.map { LabelSelector(generated: $0) }) {
        case (let pods?, let namespaces?): return .podsInNamespaces(pods: pods, namespaces: namespaces)
        case (let pods?, nil): return .pods(pods)
        case (nil, let namespaces?): return .namespaces(namespaces)
        case (nil, nil): return nil
        }
    }

    private func policyPort(_ port: NetworkingV1.NetworkPolicyPort) -> NetworkPolicyPort {
        NetworkPolicyPort(port: port.port.map(PortReference.init(generated:)), transport: port.protocol.flatMap { PortProtocol(rawValue: $0.rawValue) } ?? .tcp)
    }

    private func podCount(_ value: IntOrString) -> PodCount {
        switch value {
        case .int(let count): return .count(count)
        case .string(let text):
            if text.hasSuffix("%"), let percent = Int(text.dropLast()) { return .percent(percent) }
            return .count(Int(text) ?? 0)
        }
    }

    private func count(_ quantity: Quantity?) -> Int? {
        quantity.flatMap { QuantityParser.milliUnits($0.text) }.map { Int($0 / 1000) }
    }

    /// A malformed quantity is left to validation (``APIObjectValidation``); one that is well formed
    /// but not a CPU amount is reported here.
    private mutating func cpu(_ quantity: Quantity?, at path: [String]) -> CPU? {
        guard let quantity, quantity.isWellFormed else { return nil }
        guard let milli = QuantityParser.milliUnits(quantity.text) else {
            diagnostics.error("quantity", "'\(MessageText.quoted(quantity.text))' is not a CPU quantity", at: ResourcePath([lines.file] + path), at(path))
            return nil
        }
        return .millicores(Int(milli))
    }

    private mutating func bytes<T: ByteQuantity>(_ quantity: Quantity?, at path: [String]) -> T? {
        guard let quantity, quantity.isWellFormed else { return nil }
        guard let bytes = QuantityParser.bytes(quantity.text) else {
            diagnostics.error("quantity", "'\(MessageText.quoted(quantity.text))' is not a byte quantity", at: ResourcePath([lines.file] + path), at(path))
            return nil
        }
        return T(exactBytes: bytes)
    }
}
