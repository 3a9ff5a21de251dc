/// `privilege`: outside development, no container runs privileged, may escalate privileges, or may
/// run as root, and no pod mounts a path of its node.
public enum PrivilegeCheck: EnvironmentCheck {
    public static let id = "privilege"

    public static func run(_ context: inout CheckContext) {
        guard context.kind != .development else { return }
        for workload in context.workloads {
            for volume in workload.template.volumes {
                guard case .other(let written) = volume.source, let hostPath = written.hostPath else { continue }
                context.error(
                    "volume \(volume.name) is the node's path \(hostPath.path): the pod reaches past its own filesystem into the node's",
                    at: workload, field: "spec/template/spec/volumes/\(volume.name)", location: volume.location)
            }
            let pod = workload.template.securityContext
            for container in workload.template.allContainers {
                // Spelled only for a finding.
                var field: String { "spec/template/spec/containers/\(container.name)/securityContext" }
                let security = container.securityContext
                let location = security?.location ?? container.location
                if security?.privileged == true {
                    context.error("container \(container.name) runs privileged: it has every capability of the node", at: workload, field: field, location: location)
                }
                if security?.allowPrivilegeEscalation != false {
                    context.error("container \(container.name) may escalate privileges: set allowPrivilegeEscalation to false", at: workload, field: field, location: location)
                }
                let user = security?.runAsUser ?? pod?.runAsUser
                let nonRoot = security?.runAsNonRoot ?? pod?.runAsNonRoot
                if user == 0 || (user == nil && nonRoot != true) {
                    context.error("container \(container.name) may run as root: set runAsNonRoot and a non-zero runAsUser", at: workload, field: field, location: location)
                }
            }
        }
    }
}
