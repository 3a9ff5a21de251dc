/// `reachability`: every connection the application declares (database, replicas, Redis, DNS,
/// external HTTPS) is allowed by the egress policies of its pods and, inside the cluster, by the
/// ingress policies of the pods it reaches; every declared inbound path (ingress controller, metrics
/// scraping) is allowed by the ingress policies. Hosts must resolve to namespaces and Services that
/// exist, and namespace selectors must match labels namespaces really carry.
public enum ReachabilityCheck: EnvironmentCheck {
    public static let id = "reachability"

    public static func run(_ context: inout CheckContext) {
        let evaluator = NetworkPolicyEvaluator(policies: context.all(NetworkPolicy.self))
        checkNamespaceSelectors(&context)
        for dependency in context.contract.dependencies {
            let sources = context.workloads.filter { workload in
                dependency.caller.map { workload.identity == $0 } ?? LabelSelector(matchLabels: dependency.from).matches(workload.podLabels)
            }
            if sources.isEmpty {
                context.environmentError("no workload runs the pods \(SelectorCheck.describe(dependency.from)) that connect to the \(dependency.name)", field: "contract")
            }
            for source in sources {
                guard let (destination, port, target) = resolve(dependency, from: source, in: &context) else { continue }
                let namespace = source.metadata.namespace ?? ""
                if !evaluator.egressAllowed(from: namespace, labels: source.podLabels, to: destination, port: port, transport: dependency.transport) {
                    if let edge = edge(dependency, from: source) {
                        context.error("\(edge): no egress policy of \(source.metadata.name)'s pods allows it (port \(port)/\(dependency.transport.rawValue))", at: source, field: "spec/template", location: dependency.location)
                    } else {
                        context.error("no egress policy lets these pods reach the \(dependency.name) (\(describe(dependency.destination)) port \(port)/\(dependency.transport.rawValue))", at: source, field: "spec/template")
                    }
                }
                if let target, case .pods(let targetNamespace, _, let labels, let ports) = destination {
                    let sourceEndpoint = NetworkPolicyEvaluator.Endpoint.pods(namespace: namespace, namespaceLabels: context.namespaceLabels(namespace), labels: source.podLabels, ports: [])
                    if !evaluator.ingressAllowed(to: targetNamespace, labels: labels, ports: ports, from: sourceEndpoint, port: port, transport: dependency.transport) {
                        if let edge = edge(dependency, from: source) {
                            context.error("\(edge): no ingress policy of \(target.identity) accepts \(source.identity) on port \(port)", at: target, field: "spec/template")
                        } else {
                            context.error("no ingress policy of \(target.identity) accepts \(source.identity) on port \(port) (the \(dependency.name))", at: target, field: "spec/template")
                        }
                    }
                }
            }
        }
        for path in context.contract.inbound {
            let targets = context.workloads.filter { LabelSelector(matchLabels: path.to).matches($0.podLabels) }
            if targets.isEmpty {
                context.environmentError("no workload runs the pods \(SelectorCheck.describe(path.to)) that accept \(path.name)", field: "contract")
            }
            for target in targets {
                let source = NetworkPolicyEvaluator.Endpoint.pods(namespace: path.from.name, namespaceLabels: path.from.labels, labels: .none, ports: [])
                let ports = target.template.containers.flatMap(\.ports)
                if !evaluator.ingressAllowed(to: target.metadata.namespace ?? "", labels: target.podLabels, ports: ports, from: source, port: path.port, transport: .tcp) {
                    context.error("no ingress policy lets \(path.name) in from namespace \(path.from.name) on port \(path.port)", at: target, field: "spec/template")
                }
            }
        }
    }

    /// Where a dependency's connection really goes: pods (with the workload they belong to) or an
    /// address outside the cluster. Reports hosts that resolve to nothing.
    private static func resolve(
        _ dependency: EnvironmentContract.Dependency, from source: any Workload, in context: inout CheckContext
    ) -> (NetworkPolicyEvaluator.Endpoint, Int, (any Workload)?)? {
        switch dependency.destination {
        case .internet:
            return (.external(network: nil), dependency.port, nil)
        case .pods(let labels, let namespace):
            let known = context.namespaceLabels(namespace.name)
            if known == nil {
                context.error("the \(dependency.name) is in namespace \(namespace.name), which does not exist here and is not declared external", at: source, field: "spec/template")
                return nil
            }
            return (.pods(namespace: namespace.name, namespaceLabels: known, labels: labels, ports: []), dependency.port, nil)
        case .host(let host, let network):
            let parts = host.split(separator: ".").map(String.init)
            guard parts.count >= 3, host.hasSuffix(".svc.cluster.local") || (parts.count >= 2 && parts[2] == "svc") else {
                return (external(network), dependency.port, nil)
            }
            let (serviceName, namespace) = (parts[0], parts[1])
            let subject = edge(dependency, from: source).map { "\($0): the host" } ?? "the \(dependency.name) host"
            guard context.namespaceLabels(namespace) != nil else {
                context.error("\(subject) \(host) names namespace \(namespace), which does not exist", at: source, field: "spec/template", location: dependency.location)
                return nil
            }
            guard let service = context.all(Service.self).first(where: { $0.metadata.name == serviceName && $0.metadata.namespace == namespace }) else {
                if dependency.evidence != nil || context.all(Namespace.self).contains(where: { $0.metadata.name == namespace }) {
                    context.error("\(subject) \(host) names Service \(serviceName), which does not exist in \(namespace)", at: source, field: "spec/template", location: dependency.location)
                }
                return nil
            }
            switch service.backend {
            case .externalName:
                return (external(network), dependency.port, nil)
            case .manualEndpoints:
                // Wherever its endpoints point: nothing to hold the policies to.
                return nil
            case .pods(let selector, _, _, _):
                // The port must be one the Service exposes: a connection to any other port of the
                // Service's address is refused, whatever the pods listen on.
                guard let servicePort = service.ports.first(where: { $0.port.number == dependency.port }) else {
                    let exposed = service.ports.map { String($0.port.number) }.joined(separator: ", ")
                    let what = edge(dependency, from: source) ?? "the \(dependency.name)"
                    context.error("\(what): Service \(serviceName) exposes no port \(dependency.port) (it exposes \(exposed.isEmpty ? "none" : exposed))",
                                  at: source, field: "spec/template", location: dependency.location)
                    return nil
                }
                guard let target = context.workloads(selectedBy: LabelSelector(matchLabels: selector), in: namespace).first else { return nil }
                let ports = target.template.containers.flatMap(\.ports)
                // A target port the pods do not declare is the `port` check's finding.
                let port: Int = switch servicePort.targetPort.target {
                case .number(let number): number.number
                case .name(let name): ports.first { $0.name == name }?.port.number ?? dependency.port
                }
                let namespaceLabels = context.namespaceLabels(namespace)
                return (.pods(namespace: namespace, namespaceLabels: namespaceLabels, labels: target.podLabels, ports: ports), port, target)
            }
        }
    }

    /// `checkout → cartservice:7070, from env CART_SERVICE_ADDR` for an inferred dependency.
    private static func edge(_ dependency: EnvironmentContract.Dependency, from source: any Workload) -> String? {
        dependency.evidence.map { "\(source.metadata.name) → \(dependency.name), \($0)" }
    }

    private static func external(_ network: String?) -> NetworkPolicyEvaluator.Endpoint {
        guard let network else { return .unknownExternal }
        return .external(network: IPv4Network(network))
    }

    private static func checkNamespaceSelectors(_ context: inout CheckContext) {
        let namespaces = context.namespaces
        for policy in context.all(NetworkPolicy.self) {
            for rule in policy.rules {
                for peer in rule.peers {
                    let selector: LabelSelector? = switch peer {
                    case .namespaces(let selector), .podsInNamespaces(_, let selector): selector
                    case .pods, .ipBlock: nil
                    }
                    guard let selector, !selector.isEmpty else { continue }
                    if !namespaces.contains(where: { selector.matches($0.labels) }) {
                        context.error("the namespace selector \(SelectorCheck.describe(selector.matchLabels)) matches no namespace's labels, so the rule allows nothing", at: policy, field: "spec/\(rule.direction.rawValue.lowercased())", location: rule.location)
                    }
                }
            }
        }
    }

    private static func describe(_ destination: EnvironmentContract.Destination) -> String {
        switch destination {
        case .host(let host, _): return host
        case .pods(let labels, let namespace): return "\(SelectorCheck.describe(labels)) in \(namespace.name)"
        case .internet: return "the internet"
        }
    }
}
