import InfraDSL

extension AppConfig {
    /// The canonical YAML text of this config (what the ConfigMap holds).
    public func yaml() throws -> String { try YAMLRenderer.render(ValueEncoder().encode(self)) }
}

extension ResourcesConfig {
    /// The container resources these settings mean.
    public var requirements: ResourceRequirements {
        ResourceRequirements(
            requests: ComputeResources(cpu: cpu.request, memory: memory.request),
            limits: ComputeResources(cpu: cpu.limit, memory: memory.limit), at: location)
    }
}
