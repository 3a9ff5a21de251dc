import KubernetesAPI

/// Whether an imported object is exactly what an intent-level type builds from its workload: a
/// Service in front of the workload's pods (``Service/init(_:selecting:ports:headless:file:line:)``),
/// a budget protecting them (``PodDisruptionBudget/init(_:protecting:_:file:line:)``). The intent
/// value is built and rendered, and only when it renders the very object the manifest holds is its
/// Swift written; anything else stays on the generated API, so importing never changes an object.
enum IntentFit {
    /// The expression (`Service("web", selecting: deployment, ports: [...])`) for `object` in front
    /// of `workload`, written as `workloadName` in Swift; nil when it does not fit exactly.
    static func source(for object: ImportedObject, workload: ImportedObject, workloadName: String) -> String? {
        guard let carrier = workload.object as? any PodTemplateCarrying else { return nil }
        let resource = workloadResource(carrier)
        let fitted: (any Resource, String)?
        switch object.object {
        case let service as CoreV1.Service: fitted = self.service(service, selecting: resource, workloadName: workloadName)
        case let budget as PolicyV1.PodDisruptionBudget: fitted = self.budget(budget, protecting: resource, workloadName: workloadName)
        default: fitted = nil
        }
        guard var (intent, source) = fitted else { return nil }
        let metadata = object.object.metadata
        intent.metadata.namespace = metadata?.namespace
        intent.metadata.labels = Labels(metadata?.labels)
        intent.metadata.annotations = Labels(metadata?.annotations)
        guard document(of: intent) == document(of: placed(object.object)) else { return nil }
        let writer = SwiftSourceWriter()
        if let labels = metadata?.labels, !labels.isEmpty { source += "\n        .labels(\(writer.expression(labels, depth: 2)))" }
        if let annotations = metadata?.annotations, !annotations.isEmpty {
            source += "\n        .annotations(\(writer.expression(annotations, depth: 2)))"
        }
        return source
    }

    private static func placed<Object: KubernetesObject>(_ object: Object) -> any Resource {
        APIObject(anyKind: object, file: #filePath, line: #line)
    }

    private static func workloadResource<Object: PodTemplateCarrying>(_ object: Object) -> any Workload {
        APIObject(anyKind: object, file: #filePath, line: #line)
    }

    private static func service(_ service: CoreV1.Service, selecting workload: any Workload, workloadName: String) -> (any Resource, String)? {
        guard let spec = service.spec else { return nil }
        var ports: [ServicePort] = []
        var portSources: [String] = []
        for port in spec.ports ?? [] {
            guard let name = port.name else { return nil }
            var target: PortReference?
            var targetSource = ""
            switch port.targetPort {
            case .int(let number)? where number != port.port:
                target = .number(Port(number))
                targetSource = ", targetPort: \(number)"
            case .string?: return nil
            default: break
            }
            let transport = PortProtocol(rawValue: port.protocol?.rawValue ?? "TCP") ?? .tcp
            let transportSource = transport == .tcp ? "" : ", protocol: .\(transport)"
            ports.append(ServicePort(name, Port(port.port), targetPort: target, protocol: transport))
            portSources.append("ServicePort(\(SwiftSourceWriter.stringLiteral(name, depth: 2)), \(port.port)\(targetSource)\(transportSource))")
        }
        let headless = spec.clusterIP == "None"
        let intent = Service(service.metadata?.name ?? "", selecting: workload, ports: ports, headless: headless)
        let list = portSources.isEmpty ? "[]" : "[\n" + portSources.map { "        \($0),\n" }.joined() + "    ]"
        let name = SwiftSourceWriter.stringLiteral(service.metadata?.name ?? "", depth: 1)
        return (intent, "Service(\(name), selecting: \(workloadName), ports: \(list)\(headless ? ", headless: true" : ""))")
    }

    private static func budget(
        _ budget: PolicyV1.PodDisruptionBudget, protecting workload: any Workload, workloadName: String
    ) -> (any Resource, String)? {
        guard let spec = budget.spec else { return nil }
        let (count, kind): (IntOrString?, String)
        switch (spec.minAvailable, spec.maxUnavailable) {
        case (let minimum?, nil): (count, kind) = (minimum, "minAvailable")
        case (nil, let maximum?): (count, kind) = (maximum, "maxUnavailable")
        default: return nil
        }
        let podCount: PodCount
        let countSource: String
        switch count {
        case .int(let number)?:
            podCount = .count(number)
            countSource = ".count(\(number))"
        case .string(let text)? where text.hasSuffix("%") && Int(text.dropLast()) != nil:
            podCount = .percent(Int(text.dropLast())!)
            countSource = ".percent(\(text.dropLast()))"
        default: return nil
        }
        let expressed: PodDisruptionBudget.Budget = kind == "minAvailable" ? .minAvailable(podCount) : .maxUnavailable(podCount)
        let intent = PodDisruptionBudget(budget.metadata?.name ?? "", protecting: workload, expressed)
        let name = SwiftSourceWriter.stringLiteral(budget.metadata?.name ?? "", depth: 1)
        return (intent, "PodDisruptionBudget(\(name), protecting: \(workloadName), .\(kind)(\(countSource)))")
    }

    /// The rendered document, without the API server's `status`.
    private static func document(of resource: any Resource) -> Value {
        guard case .object(let fields) = EnvironmentResolver.document(for: resource) else { return .emptyObject }
        return .object(Fields(fields.entries.filter { $0.key != "status" }.map { ($0.key, $0.value) }))
    }
}
