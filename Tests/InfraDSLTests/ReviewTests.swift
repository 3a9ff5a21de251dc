import Testing
@testable import InfraDSL

/// Environment diffs and canary steps.
@Suite struct ReviewTests {
    private func resolved(_ name: String, image: String = "r/engine:1", @EnvironmentBuilder _ content: () -> [EnvironmentPart]) -> (String, [ResolvedObject]) {
        (name, EnvironmentResolver.resolve(Environment(name, namespace: "\(name)-ns", content)).objects)
    }

    private func engine(_ image: String, replicas: Int) -> StatefulSet {
        StatefulSet("engine", selector: ["app": "engine"], serviceName: "engine", replicas: replicas, template: PodTemplate {
            Container("engine", image: image)
        })
    }

    @Test func reportsChangedAddedRemovedAndRenamedObjects() {
        let from = resolved("staging") {
            Namespace()
            engine("r/engine:1", replicas: 3)
            ConfigMap("only-staging", data: ["a": "1"])
            ConfigMap("settings-staging", data: ["a": "1", "b": "2", "c": "3"])
        }
        let to = resolved("production") {
            Namespace()
            engine("r/engine:1", replicas: 5)
            ConfigMap("settings-production", data: ["a": "1", "b": "2", "c": "4"])
            ConfigMap("extra-one", data: ["x": "9"])
            PriorityClass("high", value: 10)
        }
        let diff = EnvironmentDiff.compare(from: from, to: to)
        let text = DiffReport.render(diff, format: .text)
        #expect(text.contains("~ StatefulSet/engine\n    StatefulSet/engine spec.replicas: 3 → 5\n"))
        #expect(text.contains("~ ConfigMap/settings-staging → ConfigMap/settings-production (renamed)\n    ConfigMap/settings-production data.c: 3 → 4\n"))
        #expect(text.contains("- ConfigMap/only-staging (only in staging)"))
        #expect(text.contains("+ ConfigMap/extra-one (only in production)"))
        #expect(text.contains("+ PriorityClass/high (only in production)"))
        #expect(!text.contains("namespace"), "namespaces are normalized")
        #expect(text.hasSuffix("the workloads run the same image (r/engine:1).\n"))
    }

    /// Entries as one line each: `~ kind/name`, `> kind from → to`, `- id`, `+ id`.
    private func summary(_ diff: EnvironmentDiff) -> [String] {
        diff.entries.map { entry in
            switch entry {
            case .changed(let identity, let changes): "~ \(identity) \(changes.map(\.path))"
            case .renamed(let kind, let from, let to, let changes): "> \(kind) \(from) → \(to) \(changes.map(\.path))"
            case .removed(let identity): "- \(identity)"
            case .added(let identity): "+ \(identity)"
            }
        }
    }

    /// How leftovers pair up as renames: the only one of its kind on each side pairs when any field
    /// agrees and stays apart when none does; among several, the most similar pair first, and only
    /// when at least half the fields agree; never across kinds; Namespaces pair whatever their names.
    @Test func renamePairingRules() {
        let loneButRelated = EnvironmentDiff.compare(
            from: resolved("a") { ConfigMap("one", data: ["k": "1", "l": "2", "m": "3", "n": "4"]) },
            to: resolved("b") { ConfigMap("two", data: ["k": "1", "l": "x", "m": "y", "n": "z"]) })
        #expect(summary(loneButRelated) == ["> ConfigMap one → two [\"data.l\", \"data.m\", \"data.n\"]"])

        let loneAndUnrelated = EnvironmentDiff.compare(
            from: resolved("a") { ConfigMap("one", data: ["k": "1"]) },
            to: resolved("b") { ConfigMap("two", data: ["z": "9"]) })
        #expect(summary(loneAndUnrelated) == ["- ConfigMap/one", "+ ConfigMap/two"])

        // Two on each side: the closest pair first (3 of 4 fields agree); what is left is then the
        // only one of its kind on each side, and pairs on its one agreeing field.
        let two = EnvironmentDiff.compare(
            from: resolved("a") {
                ConfigMap("alpha", data: ["a": "1", "b": "2", "c": "3", "d": "4"])
                ConfigMap("beta", data: ["p": "1", "q": "2", "r": "3", "s": "4"])
            },
            to: resolved("b") {
                ConfigMap("alpha-2", data: ["a": "1", "b": "2", "c": "3", "d": "5"])
                ConfigMap("gamma", data: ["p": "1", "q": "x", "r": "y", "s": "z"])
            })
        #expect(summary(two) == ["> ConfigMap alpha → alpha-2 [\"data.d\"]", "> ConfigMap beta → gamma [\"data.q\", \"data.r\", \"data.s\"]"])

        // Three on each side: after the closest pair, two are left on each side, and one field of
        // four in common is below half, so they stay a removal and an addition.
        let three = EnvironmentDiff.compare(
            from: resolved("a") {
                ConfigMap("alpha", data: ["a": "1", "b": "2", "c": "3", "d": "4"])
                ConfigMap("beta", data: ["p": "1", "q": "2", "r": "3", "s": "4"])
                ConfigMap("delta", data: ["t": "1"])
            },
            to: resolved("b") {
                ConfigMap("alpha-2", data: ["a": "1", "b": "2", "c": "3", "d": "5"])
                ConfigMap("gamma", data: ["p": "1", "q": "x", "r": "y", "s": "z"])
                ConfigMap("epsilon", data: ["u": "1"])
            })
        #expect(summary(three) == [
            "> ConfigMap alpha → alpha-2 [\"data.d\"]", "- ConfigMap/beta", "- ConfigMap/delta", "+ ConfigMap/epsilon", "+ ConfigMap/gamma",
        ])

        // Same content, different kinds: never a rename. Namespaces pair although their names differ.
        let acrossKinds = EnvironmentDiff.compare(
            from: resolved("a") { Namespace(); ConfigMap("settings", data: ["k": "1"]) },
            to: resolved("b") { Namespace(); ServiceAccount("settings-secret") })
        #expect(summary(acrossKinds) == ["- ConfigMap/settings", "+ ServiceAccount/settings-secret"])
    }

    @Test func verdictNamesTheImagesThatDiffer() {
        let diff = EnvironmentDiff.compare(
            from: resolved("staging") { engine("r/engine:2", replicas: 1) },
            to: resolved("production") { engine("r/engine:1", replicas: 1) })
        #expect(!diff.images.same)
        let markdown = DiffReport.render(diff, format: .markdown)
        #expect(markdown.contains("| `StatefulSet/engine` | `spec.template.spec.containers[engine].image` | `r/engine:2` | `r/engine:1` |"))
        #expect(markdown.contains("**Parity:** the workloads do not run the same image: StatefulSet/engine/engine runs r/engine:2 in staging and r/engine:1 in production."))
    }

    @Test func colourIsOnlyAddedWhenAsked() {
        let diff = EnvironmentDiff.compare(from: resolved("a") { ConfigMap("x", data: [:]) }, to: resolved("b") {})
        #expect(DiffReport.render(diff, format: .text, color: true).contains("\u{1B}[31m- ConfigMap/x"))
        #expect(!DiffReport.render(diff, format: .text).contains("\u{1B}"))
    }

    @Test(arguments: 1...20)
    func partitionsUpdateTheHighestOrdinalsFirstAndEndAtZero(_ replicas: Int) throws {
        let steps = try Rollout.steps(replicas: replicas, percentages: [10, 50, 100])
        #expect(steps.map(\.percent) == [10, 50, 100])
        #expect(steps.last?.partition == 0)
        #expect(steps.last?.updatedPods == replicas)
        for step in steps {
            // Whole pods, rounded up, at least one.
            #expect(step.updatedPods == max(1, Int((Double(replicas * step.percent) / 100).rounded(.up))))
            #expect(step.partition == replicas - step.updatedPods)
            #expect(step.updatedOrdinals.first == replicas - 1, "the highest ordinal goes first")
        }
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.partition >= $1.partition })
    }

    /// A StatefulSet as the controller treats a partitioned rolling update: applying a template with
    /// partition P moves every pod with an ordinal at or above P to that template, and leaves the
    /// others on theirs. (Raising P later does not move a pod back.)
    struct PartitionedPods {
        var revisions: [String]
        mutating func apply(_ revision: String, partition: Int) {
            for ordinal in revisions.indices where ordinal >= partition { revisions[ordinal] = revision }
        }
    }

    /// Over live counts 1 to 20 and several step lists, with the count pinned for the rollout: a step
    /// of p% updates at most ceil(p% of the live count) pods, the last updates all, and applying any
    /// step's rollback (the previous revision at the step's partition) returns exactly the pods that
    /// step updated, leaving every pod on the previous revision.
    @Test(arguments: [[10, 50, 100], [1, 5, 25, 100], [33, 66, 100]])
    func stepsHoldTheirShareAndRollbacksRestoreExactlyTheUpdatedPods(_ percentages: [Int]) throws {
        for live in 1...20 {
            let steps = try Rollout.steps(replicas: live, percentages: percentages)
            var pods = PartitionedPods(revisions: Array(repeating: "old", count: live))
            for (index, step) in steps.enumerated() {
                pods.apply("new", partition: step.partition)
                let updated = pods.revisions.indices.filter { pods.revisions[$0] == "new" }
                let share = (live * step.percent + 99) / 100
                #expect(updated.count <= share, "live \(live), \(step.percent)%: \(updated.count) updated, share \(share)")
                #expect(Set(updated) == Set(step.updatedOrdinals), "live \(live), step \(step.number)")
                if index == steps.count - 1 { #expect(updated.count == live, "the last step updates every pod") }

                var rolledBack = pods
                rolledBack.apply("old", partition: step.partition)
                let restored = pods.revisions.indices.filter { pods.revisions[$0] != rolledBack.revisions[$0] }
                #expect(Set(restored) == Set(step.updatedOrdinals), "live \(live), rollback of step \(step.number)")
                #expect(rolledBack.revisions.allSatisfy { $0 == "old" })
            }
        }
    }

    @Test func fiveReplicasStepOneThreeFive() throws {
        let steps = try Rollout.steps(replicas: 5, percentages: [10, 50, 100])
        #expect(steps.map(\.partition) == [4, 2, 0])
        #expect(steps.map(\.updatedOrdinals) == [[4], [4, 3, 2], [4, 3, 2, 1, 0]])
    }

    @Test func invalidStepsAreRefused() {
        #expect(throws: Rollout.InvalidSteps.self) { try Rollout.steps(replicas: 5, percentages: [10, 50]) }
        #expect(throws: Rollout.InvalidSteps.self) { try Rollout.steps(replicas: 5, percentages: [50, 10, 100]) }
        #expect(throws: Rollout.InvalidSteps.self) { try Rollout.steps(replicas: 0, percentages: [100]) }
        #expect(throws: Rollout.InvalidSteps.self) { try Rollout.steps(replicas: 5, percentages: [0, 100]) }
    }
}
