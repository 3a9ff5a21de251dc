/// The order in which kinds are applied: what others depend on comes first.
public enum ApplyOrder: Int, Comparable, Sendable {
    case namespace = 0
    case quota
    case cluster
    case policy
    case identity
    case rbac
    case config
    case storage
    case service
    case workload
    case disruption
    case scaling

    public static func < (lhs: ApplyOrder, rhs: ApplyOrder) -> Bool { lhs.rawValue < rhs.rawValue }
}
