import Dispatch
import Foundation

/// Tasks with prerequisites, run on every core: a task starts as soon as all of its prerequisites
/// have finished, not when a whole stage has.
///
/// The generator's work is a graph per environment (resolve batches → join → checks and layout →
/// finish). Run as stages with a barrier after each, every stage of three environments on two
/// cores ends with one core idle; run as a graph, one environment's checks fill the gap while
/// another's objects are still being joined. Of the ready tasks, one of the lowest group runs first
/// (the renderer makes each environment a group, so environments are finished one after another
/// and only the last one's steps are left when its objects are resolved); within a group, the one
/// with the longest chain of tasks after it (the work that unlocks more work), then the one added
/// first.
final class TaskGraph: @unchecked Sendable {
    /// A task's identifier, for naming it as a prerequisite of later tasks.
    struct Task: Hashable, Sendable { fileprivate let index: Int }

    private var bodies: [@Sendable () -> Void] = []
    private var groups: [Int] = []
    private var dependents: [[Int]] = []
    private var unmet: [Int] = []
    private var ready: [Int] = []
    /// Per task: the length of the longest chain of tasks that depend on it, itself included.
    private var height: [Int] = []
    private var finished = 0
    private let condition = NSCondition()

    /// Adds a task of `group` that runs after every one of `prerequisites` (tasks added before it).
    @discardableResult
    func add(group: Int = 0, after prerequisites: [Task] = [], _ body: @escaping @Sendable () -> Void) -> Task {
        let index = bodies.count
        bodies.append(body)
        groups.append(group)
        dependents.append([])
        unmet.append(prerequisites.count)
        for prerequisite in prerequisites { dependents[prerequisite.index].append(index) }
        return Task(index: index)
    }

    /// Runs every task on `workers` threads (one per core by default) and returns when all have
    /// finished.
    func run(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        // Tasks are added after their prerequisites, so walking backwards sees dependents first.
        height = Array(repeating: 1, count: bodies.count)
        for task in bodies.indices.reversed() {
            for dependent in dependents[task] { height[task] = max(height[task], height[dependent] + 1) }
        }
        ready = unmet.indices.filter { unmet[$0] == 0 }
        let workers = min(workers, bodies.count)
        guard workers > 0 else { return }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
    }

    /// One worker: takes the ready task that comes first (see ``TaskGraph``) until every task has
    /// finished.
    private func work() {
        condition.lock()
        while finished < bodies.count {
            guard let task = takeFirstReady() else {
                condition.wait()
                continue
            }
            condition.unlock()
            bodies[task]()
            condition.lock()
            finished += 1
            var released = 0
            for dependent in dependents[task] {
                unmet[dependent] -= 1
                if unmet[dependent] == 0 {
                    ready.append(dependent)
                    released += 1
                }
            }
            if finished == bodies.count {
                condition.broadcast()
            } else {
                for _ in 0..<released { condition.signal() }
            }
        }
        condition.unlock()
    }

    /// Removes and returns the ready task that comes first: lowest group, then greatest height,
    /// then earliest added. The ready list is short (a few dozen tasks), so a scan is cheaper than
    /// keeping it ordered.
    private func takeFirstReady() -> Int? {
        guard var best = ready.indices.first else { return nil }
        for position in ready.indices.dropFirst() {
            let (task, chosen) = (ready[position], ready[best])
            if (groups[task], -height[task], task) < (groups[chosen], -height[chosen], chosen) { best = position }
        }
        return ready.remove(at: best)
    }
}

/// Result slots that the tasks of a ``TaskGraph`` fill, each slot exactly once, by the task that
/// owns it; a slot is read only by tasks that run after its writer (the graph's lock orders them).
final class TaskOutputs<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Stores slot `index`'s value.
    func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// Slot `index`'s value, which its writer has stored.
    subscript(index: Int) -> Value { storage[index]! }

    /// Every value, in slot order.
    var all: [Value] { (0..<count).map { self[$0] } }

    /// Slot `index`'s value, moved out: its last reader frees it while the other cores are still
    /// busy, instead of the whole graph's intermediate results being freed in one serial step at
    /// the end.
    func take(_ index: Int) -> Value { storage[index].take()! }

    /// Every value, moved out (see ``take(_:)``).
    func takeAll() -> [Value] { (0..<count).map(take) }
}
