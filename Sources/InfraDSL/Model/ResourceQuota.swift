/// A ResourceQuota: the most a namespace's pods may request and be limited to, and how many claims
/// and pods it may hold.
public struct ResourceQuota: Resource {
    public static let apiVersion = "v1"
    public static let kind = "ResourceQuota"
    public static let applyOrder = ApplyOrder.quota
    public var metadata: ObjectMeta
    public var location: SourceLocation
    public var overrides: [Override] = []

    /// The hard limits; nil leaves a resource unlimited.
    public struct Hard: Hashable, Sendable {
        public var requestsCPU: CPU?
        public var requestsMemory: Memory?
        public var limitsCPU: CPU?
        public var limitsMemory: Memory?
        public var requestsStorage: Storage?
        public var persistentVolumeClaims: Int?
        public var pods: Int?

        /// Hard limits by resource.
        public init(
            requestsCPU: CPU? = nil, requestsMemory: Memory? = nil, limitsCPU: CPU? = nil,
            limitsMemory: Memory? = nil, requestsStorage: Storage? = nil,
            persistentVolumeClaims: Int? = nil, pods: Int? = nil
        ) {
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

    /// A quota.
    public init(_ name: String, hard: Hard, file: StaticString = #fileID, line: UInt = #line) {
        metadata = ObjectMeta(name: name)
        self.hard = hard
        location = SourceLocation(file, line)
    }

    public func bodyFields() -> Fields {
        var limits = Fields()
        limits.add("requests.cpu", hard.requestsCPU)
        limits.add("requests.memory", hard.requestsMemory)
        limits.add("limits.cpu", hard.limitsCPU)
        limits.add("limits.memory", hard.limitsMemory)
        limits.add("requests.storage", hard.requestsStorage)
        limits.add("persistentvolumeclaims", hard.persistentVolumeClaims.map { String($0) })
        limits.add("pods", hard.pods.map { String($0) })
        var fields = Fields()
        fields.add("spec", ["hard": .object(limits)] as Value)
        return fields
    }

    public func validate(_ context: inout ValidationContext) {
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
