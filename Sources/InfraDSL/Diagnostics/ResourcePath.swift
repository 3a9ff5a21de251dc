/// The address of an object or field inside an environment, such as
/// `production/StatefulSet/trading-engine/spec/template/spec/containers/trading-engine`.
public struct ResourcePath: Hashable, Sendable, CustomStringConvertible {
    /// The segments, outermost first.
    public let segments: [String]

    /// A path made of the given segments.
    public init(_ segments: [String]) { self.segments = segments }

    /// This path extended by more segments.
    public func appending(_ more: String...) -> ResourcePath { ResourcePath(segments + more) }

    public var description: String { segments.joined(separator: "/") }
}
