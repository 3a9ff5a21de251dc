/// `capacity`: in each namespace with a ResourceQuota, every workload at its largest scale (its
/// autoscaler's maximum, else its replicas) fits: requests, limits and volume claims. A quota that
/// cannot hold the maximum makes the autoscaler fail exactly when load peaks.
public enum CapacityCheck: EnvironmentCheck {
    public static let id = "capacity"

    public static func run(_ context: inout CheckContext) {
        for quota in context.all(ResourceQuota.self) {
            let namespace = quota.metadata.namespace
            var requestsCPU = CPU.millicores(0), limitsCPU = CPU.millicores(0)
            var requestsMemory = Memory.bytes(0), limitsMemory = Memory.bytes(0)
            var claims = 0, storage = Storage.bytes(0), pods = 0
            var missingRequests: [String] = []
            for workload in context.workloads where workload.metadata.namespace == namespace {
                let replicas = context.maximumReplicas(of: workload)
                pods += replicas
                for container in workload.template.allContainers {
                    guard let resources = container.resources else {
                        missingRequests.append("\(workload.identity)/\(container.name)")
                        continue
                    }
                    requestsCPU = requestsCPU + (resources.requests.cpu ?? .millicores(0)) * replicas
                    limitsCPU = limitsCPU + (resources.limits.cpu ?? .millicores(0)) * replicas
                    requestsMemory = requestsMemory + (resources.requests.memory ?? .bytes(0)) * replicas
                    limitsMemory = limitsMemory + (resources.limits.memory ?? .bytes(0)) * replicas
                }
                if let statefulSet = workload as? StatefulSet {
                    claims += statefulSet.volumeClaimTemplates.count * replicas
                    for claim in statefulSet.volumeClaimTemplates { storage = storage + claim.spec.storage * replicas }
                }
            }
            for claim in context.all(PersistentVolumeClaim.self) where claim.metadata.namespace == namespace {
                claims += 1
                storage = storage + claim.spec.storage
            }
            for name in missingRequests where quota.hard.requestsCPU != nil || quota.hard.requestsMemory != nil {
                context.error("container \(name) sets no resources, so the quota rejects its pods", at: quota, field: "spec/hard")
            }
            let hard = quota.hard
            let sums: [(String, Int64, Int64?, String, String)] = [
                ("requests.cpu", Int64(requestsCPU.millicores), hard.requestsCPU.map { Int64($0.millicores) }, requestsCPU.quantity, hard.requestsCPU?.quantity ?? ""),
                ("limits.cpu", Int64(limitsCPU.millicores), hard.limitsCPU.map { Int64($0.millicores) }, limitsCPU.quantity, hard.limitsCPU?.quantity ?? ""),
                ("requests.memory", requestsMemory.bytes, hard.requestsMemory?.bytes, requestsMemory.quantity, hard.requestsMemory?.quantity ?? ""),
                ("limits.memory", limitsMemory.bytes, hard.limitsMemory?.bytes, limitsMemory.quantity, hard.limitsMemory?.quantity ?? ""),
                ("requests.storage", storage.bytes, hard.requestsStorage?.bytes, storage.quantity, hard.requestsStorage?.quantity ?? ""),
                ("persistentvolumeclaims", Int64(claims), hard.persistentVolumeClaims.map(Int64.init), "\(claims)", "\(hard.persistentVolumeClaims ?? 0)"),
                ("pods", Int64(pods), hard.pods.map(Int64.init), "\(pods)", "\(hard.pods ?? 0)"),
            ]
            for (resource, needed, limit, neededText, limitText) in sums {
                if let limit, needed > limit {
                    context.error(
                        "at maximum scale the workloads in \(namespace ?? "-") need \(resource) \(neededText), above the quota's \(limitText); pods past the quota are refused",
                        at: quota, field: "spec/hard/\(resource)")
                }
            }
        }
    }
}
