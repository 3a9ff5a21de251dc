/// `reference`: everything an object names exists in the environment or is declared external:
/// ConfigMaps and Secrets (volumes and environment variables), the governing Service of a
/// StatefulSet, PriorityClasses, ServiceAccounts, autoscaler targets, bound Roles, and what generated
/// and imported kinds name through ``ObjectRelations`` (an ExternalSecret's store). A Secret an
/// ExternalSecret makes counts as defined.
public enum ReferenceCheck: EnvironmentCheck {
    public static let id = "reference"

    /// A Service's namespace and name, the key a StatefulSet's governing Service is found by.
    private struct NamespacedName: Hashable {
        let namespace: String?
        let name: String
    }

    public static func run(_ context: inout CheckContext) {
        var services: [NamespacedName: Service] = [:]
        for service in context.all(Service.self) { services[NamespacedName(namespace: service.metadata.namespace, name: service.metadata.name)] = service }
        for workload in context.workloads {
            let template = workload.template
            for volume in template.volumes {
                switch volume.source {
                case .configMap(let name, _): require(&context, "ConfigMap", name, by: workload, field: "spec/template/spec/volumes/\(volume.name)", at: volume.location)
                case .secret(let name, _): require(&context, "Secret", name, by: workload, field: "spec/template/spec/volumes/\(volume.name)", at: volume.location)
                case .persistentVolumeClaim(let name, _): require(&context, "PersistentVolumeClaim", name, by: workload, field: "spec/template/spec/volumes/\(volume.name)", at: volume.location)
                case .emptyDir, .hugePages: break
                case .other(let written):
                    // A projection's ConfigMaps and Secrets, unless marked optional.
                    for projection in written.projected?.sources ?? [] {
                        if let configMap = projection.configMap, configMap.optional != true {
                            require(&context, "ConfigMap", configMap.name ?? "", by: workload, field: "spec/template/spec/volumes/\(volume.name)", at: volume.location)
                        }
                        if let secret = projection.secret, secret.optional != true {
                            require(&context, "Secret", secret.name ?? "", by: workload, field: "spec/template/spec/volumes/\(volume.name)", at: volume.location)
                        }
                    }
                }
            }
            for container in template.allContainers {
                for variable in container.env {
                    switch variable.source {
                    case .secretKey(let secret, _): require(&context, "Secret", secret, by: workload, field: "spec/template/spec/containers/\(container.name)/env/\(variable.name)", at: variable.location)
                    case .configMapKey(let configMap, _): require(&context, "ConfigMap", configMap, by: workload, field: "spec/template/spec/containers/\(container.name)/env/\(variable.name)", at: variable.location)
                    case .literal, .field: break
                    }
                }
            }
            if let priorityClass = template.priorityClassName {
                require(&context, "PriorityClass", priorityClass, by: workload, field: "spec/template/spec/priorityClassName", at: template.location)
            }
            if let account = template.serviceAccountName {
                require(&context, "ServiceAccount", account, by: workload, field: "spec/template/spec/serviceAccountName", at: template.location)
            }
            if let statefulSet = workload as? StatefulSet {
                let governing = services[NamespacedName(namespace: statefulSet.metadata.namespace, name: statefulSet.serviceName)]
                if let governing {
                    if case .pods(_, _, _, let headless) = governing.backend, !headless {
                        context.warning("serviceName '\(statefulSet.serviceName)' is not headless, so pods get no stable DNS names", at: statefulSet, field: "spec/serviceName")
                    }
                } else if !context.exists(kind: "Service", name: statefulSet.serviceName) {
                    context.error("serviceName '\(statefulSet.serviceName)' names no Service, so pods get no stable DNS names", at: statefulSet, field: "spec/serviceName")
                }
            }
        }
        // What other objects name: an ExternalSecret's store, a store's service account.
        for (object, relations) in context.related {
            for reference in relations.referencedObjects where !context.exists(kind: reference.object.kind, name: reference.object.name) {
                context.error("references \(reference.object.kind) '\(reference.object.name)', which is neither defined here nor declared external", at: object, field: reference.field)
            }
        }
        for autoscaler in context.all(HorizontalPodAutoscaler.self) where !context.exists(kind: autoscaler.targetKind, name: autoscaler.targetName) {
            context.error("scales \(autoscaler.targetKind) '\(autoscaler.targetName)', which does not exist", at: autoscaler, field: "spec/scaleTargetRef")
        }
        for binding in context.all(RoleBinding.self) {
            if case .role(let role) = binding.role, !context.exists(kind: "Role", name: role) {
                context.error("binds Role '\(role)', which does not exist", at: binding, field: "roleRef")
            }
            for case .serviceAccount(let account, nil) in binding.subjects where !context.exists(kind: "ServiceAccount", name: account) {
                context.error("grants to ServiceAccount '\(account)', which does not exist", at: binding, field: "subjects")
            }
        }
    }

    /// The field path is only built for a finding: references are checked for every workload.
    private static func require(_ context: inout CheckContext, _ kind: String, _ name: String, by workload: any Workload, field: @autoclosure () -> String, at location: SourceLocation) {
        if !context.exists(kind: kind, name: name) {
            context.error("references \(kind) '\(name)', which is neither defined here nor declared external", at: workload, field: field(), location: location)
        }
    }
}
