extension EnvironmentContract {
    /// This contract and `other` together: what both applications expect of one environment. Lists
    /// are joined (a namespace or node pool both name is kept once); images must be pinned when
    /// either asks for it.
    ///
    /// ```swift
    /// let contract = engine.merging(gateway)
    /// ```
    public func merging(_ other: EnvironmentContract) -> EnvironmentContract {
        var merged = self
        merged.dependencies += other.dependencies
        merged.scale += other.scale
        merged.inbound += other.inbound
        merged.paths += other.paths
        merged.externalObjects += other.externalObjects
        merged.externalNamespaces += other.externalNamespaces.filter { !externalNamespaces.contains($0) }
        merged.nodePools += other.nodePools.filter { pool in !nodePools.contains { $0.name == pool.name } }
        merged.parity += other.parity
        merged.performance += other.performance
        merged.pinnedImages = pinnedImages || other.pinnedImages
        return merged
    }
}
