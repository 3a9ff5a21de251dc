import KubernetesAPI

/// CPU and memory for one side (requests or limits) of a container's resources.
public struct ComputeResources: Hashable, Sendable {
    /// CPU, if set.
    public let cpu: CPU?
    /// Memory, if set.
    public let memory: Memory?
    /// Ephemeral (scratch) storage, if set.
    public let ephemeralStorage: Storage?
    /// Memory in 2 MiB huge pages (`hugepages-2Mi`), if set. Kubernetes requires its request to equal
    /// its limit, and the pool is the node's, reserved at boot.
    public let hugePages2Mi: Memory?

    /// Amounts of CPU and memory; types keep `cpu:` and `memory:` from being swapped.
    public init(cpu: CPU? = nil, memory: Memory? = nil, ephemeralStorage: Storage? = nil, hugePages2Mi: Memory? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.ephemeralStorage = ephemeralStorage
        self.hugePages2Mi = hugePages2Mi
    }
}

extension ComputeResources {
    /// The amounts as a generated resource list (sorted by resource name), nil when none is set.
    public var generated: StringMap<Quantity>? {
        // Appended in key order, so the map takes them as they are.
        var entries: [(key: String, value: Quantity)] = []
        if let cpu { entries.append((key: "cpu", value: Quantity(cpu.quantity))) }
        if let ephemeralStorage { entries.append((key: "ephemeral-storage", value: Quantity(ephemeralStorage.quantity))) }
        if let hugePages2Mi { entries.append((key: "hugepages-2Mi", value: Quantity(hugePages2Mi.quantity))) }
        if let memory { entries.append((key: "memory", value: Quantity(memory.quantity))) }
        return entries.isEmpty ? nil : StringMap(sorted: entries)
    }
}

/// A container's requests and limits.
public struct ResourceRequirements: Hashable, Sendable {
    /// What the scheduler reserves.
    public let requests: ComputeResources
    /// What the container may not exceed.
    public let limits: ComputeResources
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// Requests and limits: `Resources(requests: .init(cpu: .cores(4), memory: .gi(8)), limits: ...)`.
    public init(
        requests: ComputeResources, limits: ComputeResources = ComputeResources(),
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.requests = requests
        self.limits = limits
        location = SourceLocation(file, line)
    }

    /// Requests and limits set at `location`: a value read from settings written elsewhere (an
    /// environment's config), whose findings belong to the line that wrote it.
    public init(requests: ComputeResources, limits: ComputeResources = ComputeResources(), at location: SourceLocation) {
        self.requests = requests
        self.limits = limits
        self.location = location
    }

    func validate(_ context: inout ValidationContext) {
        check("cpu", requests.cpu.map { Int64($0.millicores) }, limits.cpu.map { Int64($0.millicores) },
              requests.cpu?.quantity ?? "", limits.cpu?.quantity ?? "", &context)
        check("memory", requests.memory?.bytes, limits.memory?.bytes,
              requests.memory?.quantity ?? "", limits.memory?.quantity ?? "", &context)
        check("ephemeral-storage", requests.ephemeralStorage?.bytes, limits.ephemeralStorage?.bytes,
              requests.ephemeralStorage?.quantity ?? "", limits.ephemeralStorage?.quantity ?? "", &context)
    }

    /// One resource's request against its limit. The quantities are spelled only for a finding.
    private func check(
        _ resource: String, _ request: Int64?, _ limit: Int64?,
        _ requestText: @autoclosure () -> String, _ limitText: @autoclosure () -> String, _ context: inout ValidationContext
    ) {
        if let request, let limit, request > limit {
            context.error(
                "requests-above-limits",
                "\(resource) request \(requestText()) is above its limit \(limitText()); Kubernetes rejects the pod",
                field: "resources/requests/\(resource)", at: location)
        }
        if let request, request < 0 {
            context.error("quantity", "\(resource) request \(requestText()) is negative", field: "resources/requests/\(resource)", at: location)
        }
        if let limit, limit < 0 {
            context.error("quantity", "\(resource) limit \(limitText()) is negative", field: "resources/limits/\(resource)", at: location)
        }
    }
}

extension ResourceRequirements {
    /// The requirements in the generated API.
    public var generated: CoreV1.ResourceRequirements {
        CoreV1.ResourceRequirements(requests: requests.generated, limits: limits.generated)
    }
}
