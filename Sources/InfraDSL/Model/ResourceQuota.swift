import KubernetesAPI

/// A ResourceQuota: the most a namespace's pods may request and be limited to, and how many claims
/// and pods it may hold.
public struct ResourceQuota: GeneratedResource {
    public static let apiVersion = "v1"
    public static let kind = "ResourceQuota"
    public static let applyOrder = ApplyOrder.quota
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var patches: [ObjectPatch<CoreV1.ResourceQuota>] = []

    /// The hard limits; nil leaves a resource unlimited.
    public struct Hard: Hashable, Sendable {
        public var requestsCPU: CPU?
        public var requestsMemory: Memory?
        public var limitsCPU: CPU?
        public var limitsMemory: Memory?
        public var requestsStorage: Storage?
        public var persistentVolumeClaims: Int?
        public var pods: Int?
        /// Where the limits were written: a quota's findings point here, so limits set in one
        /// environment's value are reported at that value's line, not where the object is built.
        public var location: SourceLocation

        /// Hard limits by resource.
        public init(
            requestsCPU: CPU? = nil, requestsMemory: Memory? = nil, limitsCPU: CPU? = nil,
            limitsMemory: Memory? = nil, requestsStorage: Storage? = nil,
            persistentVolumeClaims: Int? = nil, pods: Int? = nil, file: StaticString = #filePath, line: UInt = #line
        ) {
            location = SourceLocation(file, line)
            self.requestsCPU = requestsCPU
            self.requestsMemory = requestsMemory
            self.limitsCPU = limitsCPU
            self.limitsMemory = limitsMemory
            self.requestsStorage = requestsStorage
            self.persistentVolumeClaims = persistentVolumeClaims
            self.pods = pods
        }
    }

    /// The hard limits.
    public let hard: Hard

    /// A quota. Its findings point at the line that wrote `hard`.
    public init(_ name: String, hard: Hard) {
        metadata = ObjectMeta(name: name)
        self.hard = hard
        location = hard.location
    }

    /// The quota in the generated API; its limits render sorted by name, as every Kubernetes map.
    public var unpatchedObject: CoreV1.ResourceQuota {
        var limits = StringMap<Quantity>()
        limits["requests.cpu"] = hard.requestsCPU.map { Quantity($0.quantity) }
        limits["requests.memory"] = hard.requestsMemory.map { Quantity($0.quantity) }
        limits["limits.cpu"] = hard.limitsCPU.map { Quantity($0.quantity) }
        limits["limits.memory"] = hard.limitsMemory.map { Quantity($0.quantity) }
        limits["requests.storage"] = hard.requestsStorage.map { Quantity($0.quantity) }
        limits["persistentvolumeclaims"] = hard.persistentVolumeClaims.map { Quantity(String($0)) }
        limits["pods"] = hard.pods.map { Quantity(String($0)) }
        return CoreV1.ResourceQuota(spec: CoreV1.ResourceQuotaSpec(hard: limits.isEmpty ? nil : limits))
    }

    public func validate(_ context: inout ValidationContext) {
        validatePatches(&context)
        if hard == Hard() {
            context.error("quota", "the quota sets no limit", field: "spec/hard", at: location)
        }
        if let requests = hard.requestsCPU, let limits = hard.limitsCPU, requests > limits {
            context.warning("quota", "requests.cpu \(requests) is above limits.cpu \(limits)", field: "spec/hard", at: location)
        }
        if let requests = hard.requestsMemory, let limits = hard.limitsMemory, requests > limits {
            context.warning("quota", "requests.memory \(requests) is above limits.memory \(limits)", field: "spec/hard", at: location)
        }
    }
}
