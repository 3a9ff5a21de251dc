import InfraDSL

/// Lints manifests that were not written with the DSL (the system being migrated): their objects are
/// grouped by namespace, each namespace checked as an environment, and the engine's declared
/// dependencies read from the `trading-engine-config` ConfigMap's `config.yaml`.
public enum ManifestLint {
    /// Every finding over the objects read from manifests. The namespaces are checked side by side
    /// (each on its own, as an environment), their findings kept in namespace order.
    public static func check(_ objects: [any Resource]) -> [Diagnostic] {
        let groups = namespaceGroups(objects)
        let known = groups.map { NamespaceReference($0.namespace) }
        let checked = Parallel.map(count: groups.count) { index in
            check(groups[index].objects, in: groups[index].namespace, namespaces: known)
        }
        let order: [Tier] = [.dev, .staging, .prod]
        let ordered = checked.sorted { order.firstIndex(of: $0.tier)! < order.firstIndex(of: $1.tier)! }
        return checked.flatMap(\.findings) + ParityCheck.run(ordered.map { ($0.environment, $0.objects) })
    }

    /// The objects of each namespace, namespaces by name: its own objects with every cluster-scoped
    /// one, in input order. The same cluster-scoped object written in several files (a
    /// PriorityClass shared by tiers) is one object.
    private static func namespaceGroups(_ objects: [any Resource]) -> [(namespace: String, objects: [any Resource])] {
        var seenClusterObjects = Set<String>()
        let objects = objects.filter { $0.metadata.namespace != nil || seenClusterObjects.insert($0.identity).inserted }
        let namespaces = Set(objects.compactMap(\.metadata.namespace)).sorted()
        let slots = Dictionary(uniqueKeysWithValues: namespaces.enumerated().map { ($1, $0) })
        var groups = namespaces.map { (namespace: $0, objects: [any Resource]()) }
        for object in objects {
            if let namespace = object.metadata.namespace, let slot = slots[namespace] {
                groups[slot].objects.append(object)
            } else {
                for slot in groups.indices { groups[slot].objects.append(object) }
            }
        }
        return groups
    }

    /// One namespace checked as an environment: its findings, the environment, its objects and tier
    /// (for the parity check across namespaces).
    private static func check(
        _ own: [any Resource], in namespace: String, namespaces known: [NamespaceReference]
    ) -> (findings: [Diagnostic], environment: Environment, objects: [any Resource], tier: Tier) {
        var (contract, configuredTier, findings) = contract(for: own, namespaces: known)
        let tier = configuredTier ?? guessTier(namespace)
        contract.performance = tier == .dev ? [] : performance(contract.performance, objects: own)
        contract.dependencies += inferred(own, besides: contract.dependencies)
        let location = own.first?.location ?? SourceLocation(path: namespace, line: 1)
        let environment = Environment(
            namespace, namespace: namespace, kind: tier == .dev ? .development : .restricted, location: location,
            parts: own.map { .resource($0) }
        ).contract(contract)
        findings += EnvironmentResolver.resolve(environment).diagnostics.diagnostics
        findings += Checks.run(on: environment, objects: own)
        return (findings, environment, own, tier)
    }

    /// The contract of the engine in one namespace, from its ConfigMap; tier from the config. A config
    /// that does not decode is reported, and what it still says is used.
    private static func contract(for objects: [any Resource], namespaces: [NamespaceReference]) -> (EnvironmentContract, Tier?, [Diagnostic]) {
        let base = EnvironmentContract(externalNamespaces: [.kubeSystem, .ingressNginx, .monitoring] + namespaces)
        let engine = objects.compactMap { $0 as? any Workload }.first { $0.metadata.name == Common.engineName }
        let configMap = objects.compactMap { $0 as? ConfigMap }.first { $0.metadata.name == Common.configMapName }
        var findings = DiagnosticCollector()
        guard let configMap, let text = configMap.data["config.yaml"] else {
            guard let engine else { return (base, nil, []) }
            findings.warning("config", "no \(Common.configMapName) ConfigMap with a config.yaml: the engine's database and cache are unknown, so only DNS and inbound traffic are checked", at: ResourcePath([engine.metadata.namespace ?? "", engine.identity]), engine.location)
            var contract = Contract.derive(Contract.Needs(), enginePods: engine.selector, network: nil)
            contract.externalNamespaces = base.externalNamespaces
            return (contract, nil, findings.diagnostics)
        }
        var needs: Contract.Needs
        var tier: Tier?
        do {
            let config = try AppConfig.decode(yaml: text)
            needs = Contract.Needs(config)
            tier = config.environment.tier
        } catch {
            let path = ResourcePath([configMap.metadata.namespace ?? "", "ConfigMap", configMap.metadata.name, "data", "config.yaml"] + error.field.split(separator: ".").map(String.init))
            findings.error("config", "config.yaml is not a valid engine config: \(error.description)", at: path, configMap.location)
            (needs, tier) = LooseConfig.needs(from: text)
        }
        guard let engine else { return (base, tier, findings.diagnostics) }
        var contract = Contract.derive(needs, enginePods: engine.selector, network: nil)
        contract.externalNamespaces = base.externalNamespaces
        return (contract, tier, findings.diagnostics)
    }

    /// What the `performance` check holds a linted engine to in staging and production: its config's
    /// performance section, or else the pinning its `CPU_AFFINITY` variable asks for. The cluster's
    /// node pools are not in the manifests, so placement is not required here; the pod spec is.
    private static func performance(
        _ configured: [EnvironmentContract.PerformanceRequirement], objects: [any Resource]
    ) -> [EnvironmentContract.PerformanceRequirement] {
        let podSpecNeeds = configured.filter { if case .nodePool = $0.need { false } else { true } }
        guard podSpecNeeds.isEmpty else { return podSpecNeeds }
        guard let engine = objects.compactMap({ $0 as? any Workload }).first(where: { $0.metadata.name == Common.engineName }),
              let variable = engine.template.containers.first(where: { $0.name == Common.engineName })?.env.first(where: { $0.name == "CPU_AFFINITY" }),
              case .literal(let list) = variable.source, let cpus = CPUList(list)?.cpus.last
        else { return [] }
        return [.init("CPU_AFFINITY \(list)", pods: engine.selector, container: Common.engineName, .exclusiveCPUs(cpus + 1))]
    }

    /// Who calls whom, as the manifests' variables and ConfigMaps say, besides what the engine's
    /// config already declares (the same connection is followed once).
    private static func inferred(_ objects: [any Resource], besides declared: [EnvironmentContract.Dependency]) -> [EnvironmentContract.Dependency] {
        // Declared needs name their pods by selector, inferred ones by all the pods' labels: the
        // same connection is one whose declared pods include the inferred ones.
        DependencyInference.dependencies(in: objects).filter { found in
            !declared.contains { known in
                known.destination == found.destination && known.port == found.port && known.transport == found.transport
                    && known.from.isSubset(of: found.from)
            }
        }
    }

    /// The tier a namespace without a config most likely is, from its name; unknown is treated as
    /// production (the strictest checks).
    private static func guessTier(_ namespace: String) -> Tier {
        if namespace.contains("dev") { return .dev }
        if namespace.contains("stag") { return .staging }
        return .prod
    }
}
