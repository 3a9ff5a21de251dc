/// `writable-path`: with a read-only root filesystem, every path the application writes (its log
/// file, temporary files) lies on a writable volume mount, and every path it reads (its config) is
/// mounted at all. Otherwise the process fails at start-up or on its first write.
public enum WritablePathCheck: EnvironmentCheck {
    public static let id = "writable-path"

    public static func run(_ context: inout CheckContext) {
        for requirement in context.contract.paths {
            let workloads = context.workloads.filter { LabelSelector(matchLabels: requirement.pods).matches($0.podLabels) }
            if workloads.isEmpty {
                context.environmentError("no workload runs the pods \(SelectorCheck.describe(requirement.pods)) that must \(requirement.writable ? "write" : "read") \(requirement.path) (\(requirement.reason))", field: "contract")
            }
            for workload in workloads {
                guard let container = workload.template.allContainers.first(where: { $0.name == requirement.container }) else {
                    context.error("has no container '\(requirement.container)' to \(requirement.writable ? "write" : "read") \(requirement.path)", at: workload, field: "spec/template/spec/containers")
                    continue
                }
                let mount = container.volumeMounts
                    .filter { requirement.path == $0.mountPath || requirement.path.hasPrefix($0.mountPath.hasSuffix("/") ? $0.mountPath : $0.mountPath + "/") }
                    .max { $0.mountPath.count < $1.mountPath.count }
                let field = "spec/template/spec/containers/\(container.name)/volumeMounts"
                if requirement.writable {
                    let readOnlyRoot = container.securityContext?.readOnlyRootFilesystem == true
                    if let mount, mount.readOnly {
                        context.error("\(requirement.path) (\(requirement.reason)) is on the read-only mount \(mount.mountPath)", at: workload, field: field, location: mount.location)
                    } else if mount == nil, readOnlyRoot {
                        context.error("\(requirement.path) (\(requirement.reason)) is on the read-only root filesystem: mount a writable volume there", at: workload, field: field, location: container.location)
                    }
                } else if mount == nil {
                    context.error("\(requirement.path) (\(requirement.reason)) is not mounted into container \(container.name)", at: workload, field: field, location: container.location)
                }
            }
        }
    }
}
