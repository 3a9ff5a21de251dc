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
