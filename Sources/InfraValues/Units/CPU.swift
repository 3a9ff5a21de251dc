/// An amount of CPU, held in millicores. It renders canonically: whole cores as `"2"`, the rest as
/// `"500m"`. A `CPU` can never be passed where a ``Memory`` or ``Storage`` is expected.
public struct CPU: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The amount in thousandths of a core.
    public let millicores: Int

    private init(millicores: Int) { self.millicores = millicores }

    /// An amount in millicores: `.millicores(500)` is half a core.
    public static func millicores(_ value: Int) -> CPU { CPU(millicores: value) }

    /// An amount in whole cores: `.cores(4)`.
    public static func cores(_ value: Int) -> CPU { CPU(millicores: value * 1000) }

    /// Adds two amounts (used by capacity sums).
    public static func + (lhs: CPU, rhs: CPU) -> CPU { CPU(millicores: lhs.millicores + rhs.millicores) }

    /// Scales an amount by a replica count.
    public static func * (lhs: CPU, rhs: Int) -> CPU { CPU(millicores: lhs.millicores * rhs) }

    public static func < (lhs: CPU, rhs: CPU) -> Bool { lhs.millicores < rhs.millicores }

    /// The Kubernetes quantity: `"4"` or `"500m"`.
    public var quantity: String {
        millicores % 1000 == 0 ? "\(millicores / 1000)" : "\(millicores)m"
    }

    public var description: String { quantity }
}
