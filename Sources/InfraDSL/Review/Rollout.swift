/// A canary rollout of a StatefulSet by `rollingUpdate.partition`: pods with an ordinal at or above
/// the partition run the new template, so each step updates the highest ordinals first.
public enum Rollout {
    /// One step: the share of pods asked for, the pods that reach, and the partition that gives it.
    public struct Step: Hashable, Sendable {
        public let number: Int
        public let percent: Int
        public let updatedPods: Int
        public let partition: Int
        /// The ordinals running the new template after this step, highest first.
        public var updatedOrdinals: [Int] { Array((partition..<(partition + updatedPods)).reversed()) }
    }

    /// Steps that cannot be planned.
    public struct InvalidSteps: Error, CustomStringConvertible, Sendable {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// The steps for `replicas` pods: percentages round up to whole pods (at least one), and the
    /// last step, which must be 100, is partition 0.
    public static func steps(replicas: Int, percentages: [Int]) throws(InvalidSteps) -> [Step] {
        guard replicas >= 1 else { throw InvalidSteps(description: "a rollout needs at least one replica (got \(replicas))") }
        guard !percentages.isEmpty else { throw InvalidSteps(description: "give at least one step, ending at 100") }
        guard percentages.allSatisfy({ (1...100).contains($0) }) else { throw InvalidSteps(description: "every step must be a percentage from 1 to 100") }
        guard zip(percentages, percentages.dropFirst()).allSatisfy({ $0 < $1 }) else { throw InvalidSteps(description: "steps must increase (got \(percentages))") }
        guard percentages.last == 100 else { throw InvalidSteps(description: "the last step must be 100, so every pod ends on the new template") }
        return percentages.enumerated().map { index, percent in
            let updated = min(replicas, max(1, (replicas * percent + 99) / 100))
            return Step(number: index + 1, percent: percent, updatedPods: updated, partition: replicas - updated)
        }
    }
}
