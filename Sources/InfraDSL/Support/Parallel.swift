import Dispatch

/// Work spread over every core, results in input order.
///
/// The generator's stages (resolving, checking, serializing) each run as one flat parallel loop
/// over the work of every environment at once, never one loop nested in another: three
/// environments on two cores would otherwise leave a core idle while the third one runs.
enum Parallel {
    /// `transform(0..<count)`, computed concurrently in chunks of `chunk` consecutive indexes.
    /// Each result slot is written exactly once, by the worker that owns its chunk.
    static func map<Result: Sendable>(count: Int, chunk: Int = 1, _ transform: @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let size = max(chunk, 1)
        let chunks = (count + size - 1) / size
        if chunks == 1 { return (0..<count).map(transform) }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = SlotPointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
                let start = chunkIndex * size
                for index in start..<min(count, start + size) {
                    (base.pointer + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }

    /// The results' storage, shared by the workers; each writes only the slots of its own chunk.
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
