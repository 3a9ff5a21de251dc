import Synchronization
import Testing
@testable import InfraDSL

/// Resolving, checking and serializing run in parallel batches; what they report must not depend
/// on where the batches split.
@Suite struct ParallelStagesTests {
    /// 700 ConfigMaps (several batches): every 97th has an invalid name, the 650th repeats the 10th.
    private func environment(_ name: String) -> Environment {
        Environment(name, namespace: "\(name)-ns") {
            for index in 0..<700 {
                ConfigMap(index == 650 ? "cm-10" : index % 97 == 5 ? "Bad_\(index)" : "cm-\(index)", data: ["k": .init("\(index)")])
            }
        }
    }

    @Test func findingsComeInDefinitionOrderAcrossBatches() {
        let (objects, diagnostics) = EnvironmentResolver.resolve(environment("test"))
        let expected = (0..<700).compactMap { index -> String? in
            if index == 650 { return "test/ConfigMap/cm-10 duplicate" }
            if index % 97 == 5 { return "test/ConfigMap/Bad_\(index)/metadata/name name" }
            return nil
        }
        #expect(diagnostics.diagnostics.map { "\($0.resourcePath) \($0.check)" } == expected)
        #expect(objects.count == 700)
        // Sorted by kind and name, ties in definition order: the two cm-10 keep theirs.
        let names = objects.map(\.resource.metadata.name)
        #expect(names == names.sorted())
        #expect(objects.compactMap { $0.resource as? ConfigMap }.filter { $0.metadata.name == "cm-10" }.map { $0.data["k"] } == ["10", "650"])
    }

    @Test func renderingSeveralEnvironmentsAtOnceEqualsRenderingEachAlone() throws {
        let environments = (1...3).map { environment("env\($0)") }.map { environment in
            Environment(environment.name, namespace: environment.namespace, kind: .restricted, location: environment.location,
                        parts: environment.resources.filter { !$0.metadata.name.hasPrefix("Bad") && $0.metadata.name != "cm-10" }.map { .resource($0) })
        }
        let together = EnvironmentRenderer.renderEach(environments)
        for (environment, result) in zip(environments, together) {
            let alone = try EnvironmentRenderer.render(environment)
            let rendered = try result.get()
            #expect(rendered.files.map(\.path) == alone.files.map(\.path))
            #expect(rendered.files.map(\.contents) == alone.files.map(\.contents))
            #expect(rendered.warnings.map(\.description) == alone.warnings.map(\.description))
        }
    }

    @Test func parallelMapKeepsTheOrderOfItsIndexes() {
        #expect(Parallel.map(count: 0) { $0 }.isEmpty)
        #expect(Parallel.map(count: 1) { $0 + 7 } == [7])
        #expect(Parallel.map(count: 5_000) { "item \($0)" } == (0..<5_000).map { "item \($0)" })
    }

    /// A random graph of 400 tasks in random groups: every task runs once, and only after all its
    /// prerequisites, even those of a later group (which the order of ready tasks alone would run
    /// after it).
    @Test func taskGraphRunsEachTaskOnceAfterItsPrerequisites() {
        var random = SplitMix64(seed: 7)
        let graph = TaskGraph()
        var tasks: [TaskGraph.Task] = []
        var prerequisites: [[Int]] = []
        let log = Mutex<[(task: Int, event: String)]>([])
        for index in 0..<400 {
            let before = index == 0 ? [] : (0..<Int(random.next() % 4)).map { _ in Int(random.next() % UInt64(index)) }
            prerequisites.append(before)
            tasks.append(graph.add(group: Int(random.next() % 3), after: before.map { tasks[$0] }) {
                log.withLock { $0.append((index, "start")) }
                log.withLock { $0.append((index, "end")) }
            })
        }
        graph.run()
        let events = log.withLock { $0 }
        #expect(events.count == 800)
        let starts = Dictionary(grouping: events.indices.filter { events[$0].event == "start" }) { events[$0].task }
        let ends = Dictionary(grouping: events.indices.filter { events[$0].event == "end" }) { events[$0].task }
        #expect(starts.count == 400 && starts.values.allSatisfy { $0.count == 1 } && ends.values.allSatisfy { $0.count == 1 })
        for (task, before) in prerequisites.enumerated() {
            for prerequisite in before {
                #expect(ends[prerequisite]![0] < starts[task]![0], "task \(task) started before its prerequisite \(prerequisite) ended")
            }
        }
    }

    /// Of the ready tasks, the one with the longest chain after it goes first, then the one added
    /// first: with one worker, a chain's head runs before a lone task added earlier, and the chain's
    /// last task (a chain of one, like the lone task) after it.
    @Test func taskGraphPrefersTheLongestChain() {
        let graph = TaskGraph()
        let order = Mutex<[String]>([])
        graph.add { order.withLock { $0.append("lone") } }
        let head = graph.add { order.withLock { $0.append("head") } }
        let middle = graph.add(after: [head]) { order.withLock { $0.append("middle") } }
        graph.add(after: [middle]) { order.withLock { $0.append("tail") } }
        graph.run(workers: 1)
        #expect(order.withLock { $0 } == ["head", "middle", "lone", "tail"])
    }
}
