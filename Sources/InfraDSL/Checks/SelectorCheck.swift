/// `selector`: Services, disruption budgets, network policies and affinity rules select at least one
/// workload's pods. A selector that matches nothing routes no traffic, protects nothing, or isolates
/// nothing, silently.
public enum SelectorCheck: EnvironmentCheck {
    public static let id = "selector"

    public static func run(_ context: inout CheckContext) {
        for service in context.all(Service.self) {
            guard let selector = service.selector else { continue }
            if context.workloads(selectedBy: LabelSelector(matchLabels: selector), in: service.metadata.namespace).isEmpty {
                context.error("the selector \(describe(selector)) matches no workload's pods, so the Service has no endpoints", at: service, field: "spec/selector")
            }
        }
        for budget in context.all(PodDisruptionBudget.self)
        where context.workloads(selectedBy: LabelSelector(matchLabels: budget.selector), in: budget.metadata.namespace).isEmpty {
            context.error("the selector \(describe(budget.selector)) matches no workload's pods, so the budget protects nothing", at: budget, field: "spec/selector")
        }
        for policy in context.all(NetworkPolicy.self) where !policy.podSelector.isEmpty {
            if context.workloads(selectedBy: policy.podSelector, in: policy.metadata.namespace).isEmpty {
                context.warning("the pod selector matches no workload's pods, so the policy applies to nothing", at: policy, field: "spec/podSelector")
            }
        }
        for workload in context.workloads {
            guard let affinity = workload.template.affinity else { continue }
            for term in affinity.requiredPodAffinity + affinity.requiredPodAntiAffinity + affinity.preferredPodAntiAffinity.map(\.term)
            where context.workloads(selectedBy: term.selector, in: workload.metadata.namespace).isEmpty {
                context.warning("an affinity term selects no workload's pods", at: workload, field: "spec/template/spec/affinity", location: affinity.location)
            }
        }
    }

    static func describe(_ labels: Labels) -> String {
        "{" + labels.pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
    }
}
