/// `port`: probes, Service target ports and Prometheus scrape annotations name ports the containers
/// declare. (Ports given by name are also checked when objects are validated; this check covers
/// numbers, which the DSL cannot tie to a declaration.)
public enum PortCheck: EnvironmentCheck {
    public static let id = "port"

    public static func run(_ context: inout CheckContext) {
        for workload in context.workloads {
            let template = workload.template
            if let scrapePort = template.annotations["prometheus.io/port"] {
                if !template.containers.contains(where: { $0.ports.contains { "\($0.port.number)" == scrapePort } }) {
                    context.error("prometheus.io/port \(scrapePort) is not a port any container declares, so nothing is scraped", at: workload, field: "spec/template/metadata/annotations", location: template.location)
                }
            }
            for container in template.allContainers {
                checkProbe("livenessProbe", container.livenessProbe, of: container, in: workload, &context)
                checkProbe("readinessProbe", container.readinessProbe, of: container, in: workload, &context)
                checkProbe("startupProbe", container.startupProbe, of: container, in: workload, &context)
            }
        }
        for service in context.all(Service.self) {
            guard let selector = service.selector else { continue }
            let targets = context.workloads(selectedBy: LabelSelector(matchLabels: selector), in: service.metadata.namespace)
            let declared = targets.flatMap { $0.template.containers.flatMap(\.ports) }
            guard !targets.isEmpty else { continue }
            for port in service.ports {
                switch port.targetPort.target {
                case .number(let number) where !declared.contains(where: { $0.port == number }):
                    context.error("targetPort \(number) is not a port the selected pods declare", at: service, field: "spec/ports/\(port.name)/targetPort", location: port.location)
                case .name(let name) where !declared.contains(where: { $0.name == name }):
                    context.error("targetPort '\(name)' is not a port name the selected pods declare", at: service, field: "spec/ports/\(port.name)/targetPort", location: port.location)
                default:
                    break
                }
            }
        }
    }

    /// A probe that targets a port by number names one its container declares (when it declares any).
    private static func checkProbe(_ field: String, _ probe: Probe?, of container: Container, in workload: any Workload, _ context: inout CheckContext) {
        guard let probe, let number = probe.handler.port?.portNumber else { return }
        let own = container.ports
        if !own.isEmpty, !own.contains(where: { $0.port == number }) {
            context.error("\(field) targets port \(number), which container \(container.name) does not declare", at: workload, field: "spec/template/spec/containers/\(container.name)/\(field)", location: probe.location)
        }
    }
}
