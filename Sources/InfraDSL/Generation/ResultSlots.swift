import Foundation

/// Slots that concurrent workers fill by index, each exactly once; read after they are done.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [Result<T, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every result, in index order (after `concurrentPerform` has returned).
    var values: [Result<T, any Error>] { slots.map { $0! } }
}
