/// A controller that runs pods from a template (StatefulSet, Deployment). Services and disruption
/// budgets select a workload's pods by the workload's own selector, never by a hand-copied one.
public protocol Workload: Resource {
    /// The labels that select this workload's pods (also put on every pod).
    var selector: Labels { get }
    /// The pod template.
    var template: PodTemplate { get }
    /// The replica count when not autoscaled.
    var replicas: Int? { get }
    /// Names of per-pod volume claims, which containers mount like pod volumes.
    var volumeClaimNames: Set<String> { get }
}

extension Workload {
    public static var isWorkload: Bool { true }
    public var volumeClaimNames: Set<String> { [] }

    /// Every label the pods carry: the selector plus the template's own.
    public var podLabels: Labels { selector.merging(template.labels) }

    func validateWorkload(_ context: inout ValidationContext) {
        context.checkSelectorNotEmpty(selector, field: "spec/selector", at: location)
        context.checkLabels(selector, field: "spec/selector/matchLabels", at: location)
        if let replicas, replicas < 0 {
            context.error("replicas", "replicas must not be negative (is \(replicas))", field: "spec/replicas", at: location)
        }
        context.within("spec", "template") { context in
            template.validate(&context, selector: selector, claims: volumeClaimNames)
        }
    }
}
