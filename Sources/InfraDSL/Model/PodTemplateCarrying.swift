import KubernetesAPI

/// A generated kind whose objects run pods from a template. Placed in an environment (as an
/// ``APIObject``), it is a ``Workload``: the checks see its pods like a StatefulSet's.
public protocol PodTemplateCarrying: KubernetesObject {
    /// The pods' template.
    var podTemplate: CoreV1.PodTemplateSpec? { get }
    /// Where the template is in a manifest of the kind (`spec/template`), to find its parts' lines.
    static var podTemplatePath: [String] { get }
    /// The label selector of the controller, if it has one (a Job's pods are its own).
    var podSelector: MetaV1.LabelSelector? { get }
    /// The replica count when set.
    var desiredReplicas: Int? { get }
    /// Names of per-pod volume claims (a StatefulSet's claim templates).
    var claimTemplateNames: [String] { get }
}

extension PodTemplateCarrying {
    public static var podTemplatePath: [String] { ["spec", "template"] }
    public var desiredReplicas: Int? { nil }
    public var claimTemplateNames: [String] { [] }
}

extension AppsV1.Deployment: PodTemplateCarrying {
    public var podTemplate: CoreV1.PodTemplateSpec? { spec?.template }
    public var podSelector: MetaV1.LabelSelector? { spec?.selector }
    public var desiredReplicas: Int? { spec?.replicas }
}

extension AppsV1.StatefulSet: PodTemplateCarrying {
    public var podTemplate: CoreV1.PodTemplateSpec? { spec?.template }
    public var podSelector: MetaV1.LabelSelector? { spec?.selector }
    public var desiredReplicas: Int? { spec?.replicas }
    public var claimTemplateNames: [String] { spec?.volumeClaimTemplates?.compactMap { $0.metadata?.name } ?? [] }
}

extension AppsV1.DaemonSet: PodTemplateCarrying {
    public var podTemplate: CoreV1.PodTemplateSpec? { spec?.template }
    public var podSelector: MetaV1.LabelSelector? { spec?.selector }
}

extension BatchV1.Job: PodTemplateCarrying {
    public var podTemplate: CoreV1.PodTemplateSpec? { spec?.template }
    public var podSelector: MetaV1.LabelSelector? { nil }
}

extension BatchV1.CronJob: PodTemplateCarrying {
    public var podTemplate: CoreV1.PodTemplateSpec? { spec?.jobTemplate.spec?.template }
    public static var podTemplatePath: [String] { ["spec", "jobTemplate", "spec", "template"] }
    public var podSelector: MetaV1.LabelSelector? { nil }
}

extension CoreV1.Pod: PodTemplateCarrying {
    public var podTemplate: CoreV1.PodTemplateSpec? { CoreV1.PodTemplateSpec(metadata: metadata, spec: spec) }
    /// A Pod is its own template: `metadata` and `spec` at the top.
    public static var podTemplatePath: [String] { [] }
    public var podSelector: MetaV1.LabelSelector? { nil }
}

/// What the checks of a workload need, for an object that may be one.
protocol PodValidating {
    func validatePods(_ context: inout ValidationContext)
}

extension APIObject: Workload where Object: PodTemplateCarrying {
    public var selector: Labels {
        Labels(object.podSelector?.matchLabels)
    }

    public var template: PodTemplate {
        PodTemplateBridge(location: location, lines: lines, templatePath: Object.podTemplatePath).template(object.podTemplate)
    }

    public var replicas: Int? { object.desiredReplicas }

    public var volumeClaimNames: Set<String> { Set(object.claimTemplateNames) }
}

extension APIObject: PodValidating where Object: PodTemplateCarrying {
    func validatePods(_ context: inout ValidationContext) {
        if object.podSelector != nil {
            validateWorkload(&context)
        } else {
            context.within("spec", "template") { context in
                template.validate(&context, selector: .none, claims: volumeClaimNames)
            }
        }
    }
}
