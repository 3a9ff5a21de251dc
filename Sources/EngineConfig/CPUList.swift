/// A Linux CPU list such as `0-7` or `0,2,4-6` (the format of `taskset -c` and cpusets).
public struct CPUList: Sendable, Hashable, CustomStringConvertible {
    /// The CPUs, ascending, without duplicates.
    public let cpus: [Int]

    /// The list `text` names, or `nil` when it is malformed (empty parts, reversed ranges, negative
    /// or non-numeric CPUs, more than 1024 CPUs).
    public init?(_ text: String) {
        var cpus = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count),
                  let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]),
                  low >= 0, low <= high, high < 1024
            else { return nil }
            cpus.formUnion(low...high)
        }
        self.cpus = cpus.sorted()
    }

    public var description: String { cpus.map(String.init).joined(separator: ",") }
}
