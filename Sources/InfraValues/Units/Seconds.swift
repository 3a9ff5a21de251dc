/// A duration in whole seconds, as Kubernetes probe and grace-period fields take it.
public struct Seconds: Hashable, Sendable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The number of seconds.
    public let seconds: Int

    /// A duration of `value` seconds.
    public init(_ value: Int) { self.seconds = value }
    /// Lets `30` stand for thirty seconds where a duration is expected.
    public init(integerLiteral value: Int) { self.seconds = value }

    /// A duration in seconds.
    public static func seconds(_ value: Int) -> Seconds { Seconds(value) }
    /// A duration in minutes.
    public static func minutes(_ value: Int) -> Seconds { Seconds(value * 60) }

    public static func < (lhs: Seconds, rhs: Seconds) -> Bool { lhs.seconds < rhs.seconds }

    public var description: String { "\(seconds)s" }
}
