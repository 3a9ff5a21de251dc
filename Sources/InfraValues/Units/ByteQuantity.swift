/// A count of bytes that renders with the largest binary suffix that divides it exactly
/// (`"512Mi"`, `"4Gi"`), or as plain bytes when none does. Shared by ``Memory`` and ``Storage``.
public protocol ByteQuantity: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The amount in bytes.
    var bytes: Int64 { get }
    /// Makes a value of this unit from a byte count.
    init(exactBytes: Int64)
}

extension ByteQuantity {
    /// An amount in bytes.
    public static func bytes(_ value: Int64) -> Self { Self(exactBytes: value) }
    /// An amount in kibibytes (1024 bytes).
    public static func ki(_ value: Int64) -> Self { Self(exactBytes: value << 10) }
    /// An amount in mebibytes.
    public static func mi(_ value: Int64) -> Self { Self(exactBytes: value << 20) }
    /// An amount in gibibytes.
    public static func gi(_ value: Int64) -> Self { Self(exactBytes: value << 30) }
    /// An amount in tebibytes.
    public static func ti(_ value: Int64) -> Self { Self(exactBytes: value << 40) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.bytes < rhs.bytes }

    /// Adds two amounts.
    public static func + (lhs: Self, rhs: Self) -> Self { Self(exactBytes: lhs.bytes + rhs.bytes) }

    /// Scales an amount by a count.
    public static func * (lhs: Self, rhs: Int) -> Self { Self(exactBytes: lhs.bytes * Int64(rhs)) }

    /// The Kubernetes quantity, canonical: the largest binary suffix that divides it exactly
    /// (`"16Gi"`, `"1536Mi"`), else the largest decimal one (`"100M"`), else plain bytes.
    public var quantity: String {
        guard bytes != 0 else { return "0" }
        for (suffix, factor) in quantitySuffixes where bytes % factor == 0 {
            return "\(bytes / factor)\(suffix)"
        }
        return "\(bytes)"
    }

    /// An amount in decimal megabytes (1,000,000 bytes), as log sizes are often given (`100M`).
    public static func megabytes(_ value: Int64) -> Self { Self(exactBytes: value * 1_000_000) }

    public var description: String { quantity }
}

/// An amount of memory (a container's request or limit, a quota).
public struct Memory: ByteQuantity {
    public let bytes: Int64
    public init(exactBytes: Int64) { bytes = exactBytes }
}

/// An amount of persistent storage (a volume claim, a quota). Distinct from ``Memory`` so the two
/// cannot be swapped by mistake.
public struct Storage: ByteQuantity {
    public let bytes: Int64
    public init(exactBytes: Int64) { bytes = exactBytes }
}

/// Quantity suffixes in the order ``ByteQuantity/quantity`` tries them: binary, then decimal, each
/// largest first.
private let quantitySuffixes: [(String, Int64)] = [
    ("Ti", 1 << 40), ("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10),
    ("T", 1_000_000_000_000), ("G", 1_000_000_000), ("M", 1_000_000), ("k", 1_000),
]
