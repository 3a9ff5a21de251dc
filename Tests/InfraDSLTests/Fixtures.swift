@testable import InfraDSL

/// Small, valid building blocks the tests vary one field at a time.
enum Fixtures {
    static let selector: Labels = ["app": "engine"]

    static func container(
        requests: ComputeResources = ComputeResources(cpu: .millicores(500), memory: .mi(512)),
        limits: ComputeResources = ComputeResources(cpu: .cores(1), memory: .gi(1)),
        probePort: PortReference = .name("http")
    ) -> Container {
        Container("engine", image: "registry.example.com/engine:1") {
            ContainerPort("http", 8080)
            VolumeMount("logs", at: "/var/log/engine")
        }
        .resources(ResourceRequirements(requests: requests, limits: limits))
        .readinessProbe(Probe(.httpGet(path: "/ready", reading: probePort, scheme: nil)))
        .securityContext(.restricted(runAsUser: 1000))
    }

    /// The headless Service that governs a fixture StatefulSet.
    static func headless(_ workload: StatefulSet) -> Service {
        Service(workload.serviceName, selecting: workload, ports: [ServicePort("http", 8080)], headless: true)
    }

    /// A StatefulSet with its headless Service: a valid engine.
    static func engine(container: Container = container()) -> [any Resource] {
        let workload = statefulSet(container: container)
        return [workload, headless(workload)]
    }

    static func statefulSet(_ name: String = "engine", container: Container = container()) -> StatefulSet {
        StatefulSet(name, selector: selector, serviceName: "engine-headless", replicas: 2, template: PodTemplate {
            container
            Volume("logs", .emptyDir())
        })
    }

    static func render(_ environment: Environment) -> Result<RenderedEnvironment, DiagnosticsError> {
        Result { () throws(DiagnosticsError) in try EnvironmentRenderer.render(environment) }
    }

    static func errors(_ environment: Environment) -> [Diagnostic] {
        switch render(environment) {
        case .success: return []
        case .failure(let error): return error.diagnostics.filter { $0.severity == .error }
        }
    }
}
