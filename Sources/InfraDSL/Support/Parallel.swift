import Dispatch

/// Independent work spread over every core, results in input order: for a few tasks without
/// prerequisites (writing environments, summarizing them for parity, checking linted namespaces).
/// Rendering, whose steps depend on each other, runs as a ``TaskGraph``.
package enum Parallel {
    /// `transform(0..<count)`, each index a task handed to the next free core. Each result slot is
    /// written exactly once, by the worker that ran its index. Callers make each task a batch
    /// large enough to outweigh handing it out (see ``chunkSize(for:minimum:)``).
    package static func map<Result: Sendable>(count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        if count == 1 { return [transform(0)] }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = SlotPointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (base.pointer + index).initialize(to: transform(index))
            }
            initialized = count
        }
    }

    /// The results' storage, shared by the workers; each writes only the slot of its own index.
    private struct SlotPointer<Element>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Element>
        init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
    }

    /// A chunk size that gives each core several chunks of `count` items, so one slow chunk does
    /// not leave the others idle, without making chunks so small that dispatching them dominates.
    static func chunkSize(for count: Int, minimum: Int = 64) -> Int {
        max(minimum, count / 32)
    }
}
