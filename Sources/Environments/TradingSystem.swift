import InfraDSL

/// The trading system, written once. Every environment is this shape built from its ``Stage``: the
/// values differ, and where behaviour differs the environment declares a ``Divergence``.
enum TradingSystem {
    /// The environment a stage describes, one of the environments `catalog` names.
    static func environment(_ stage: Stage, catalog: [String] = Catalog.names) -> Environment {
        let engine = TradingEngine.statefulSet(stage)
        var parts = objects(stage, engine, catalog: catalog)
        if stage.diverges(.localServices) { parts += DevelopmentSupport.parts(stage) }
        var contract = Contract.of(stage)
        contract.pinnedImages = stage.pinsImages
        return Environment(
            stage.name, namespace: stage.namespace, kind: stage.diverges(.localServices) ? .development : .restricted,
            location: stage.location, parts: parts)
            .labeled(stage.labels)
            .contract(contract)
    }

    /// What every environment has, in the order it is applied and reviewed.
    @EnvironmentBuilder
    private static func objects(_ stage: Stage, _ engine: StatefulSet, catalog: [String]) -> [EnvironmentPart] {
        Namespace(labels: namespaceLabels(stage))
        ResourceQuota("\(stage.tier.rawValue)-quota", hard: stage.quota)
        if !stage.diverges(.generalNodes) { priorityClass() }
        Isolation.policies(stage)
        Access.objects(stage)
        TradingEngine.serviceAccount()
        TradingEngine.configMap(stage)
        ManagedServices.aliases(stage)
        TradingEngine.headlessService(stage, engine)
        engine
        if let minimum = stage.minimumEnginesUp {
            PodDisruptionBudget(Common.engineName, protecting: engine, .minAvailable(.count(minimum)))
        }
        TradingEngine.autoscaler(stage, engine)
        ApplicationObjects.objects(stage)
        TradingEngine.configFiles(stage)
        Infrastructure.files(stage, catalog: catalog)
        SecretDelivery.objects(stage)
        Monitoring.objects(stage)
        if stage.diverges(.auditedAPI) {
            Artifact("audit/audit-policy.yaml", .yaml(Access.auditPolicy(namespace: stage.namespace).value))
        }
        LowLatency.nodePools(stage).flatMap(\.artifacts)
    }

    /// The seed's `kubectl label namespace` labels; a live environment's namespace is marked critical.
    private static func namespaceLabels(_ stage: Stage) -> Labels {
        let labels = Common.namespaceLabels(environment: stage.name, tier: stage.tier)
        return stage.diverges(.live) ? labels.merging(["critical": "true"]) : labels
    }

    /// The name of the engines' PriorityClass.
    static let priorityClassName = "high-priority"

    /// The engines' PriorityClass. Cluster-scoped and identical wherever it is defined: every
    /// environment on engine pools has it, so priority scheduling is exercised before production.
    static func priorityClass() -> PriorityClass {
        PriorityClass(priorityClassName, value: 1_000_000, description: "Trading engines: scheduled first, preempt batch work.")
    }
}
