import CustomResources
import InfraDSL
import KubernetesAPI

/// Canary steps for the engine, by StatefulSet partition (the mechanism the seed's production
/// StatefulSet already declared), in place of the seed's `deploy-canary.sh 10 / 50 / 100` with
/// five-minute sleeps, and the way back from each step.
///
/// A partition counts ordinals, so a step is only a share of the pods at the count it was planned
/// for. The autoscaler owns that count, so the plan is made for the live count the rollout starts
/// from, and every step but the last pins the autoscaler to it (minimum and maximum both): the count
/// cannot move under the partition, and a step of p% updates at most ceil(p% of the live count)
/// pods. The last step (partition 0) gives the autoscaler its range back. `spec.replicas` is never
/// set: applying a StatefulSet without it after one with it would reset the scale to one.
///
/// Each step is rendered from the environment with typed patches and passes the same validation
/// and semantic checks as `gen`; a step that fails them is not written. Beside each step, `rollback/`
/// holds the previous revision's manifests with the same partition (and pin): applying it returns
/// exactly the pods that step updated to the previous template.
public enum RolloutPlan {
    /// The files under `rollout/` for `environment`: `step-<n>-<percent>/` (with `rollback/`) and
    /// `README.md`. `liveReplicas` is the engine's live count (required when it is autoscaled);
    /// `previous` holds the previous revision's `kubernetes/` files by name.
    public static func files(
        environment name: String, percentages: [Int], liveReplicas: Int? = nil, previous: [String: String]
    ) throws -> RenderedEnvironment {
        guard let environment = Catalog.environment(named: name), let stage = Catalog.stage(named: name) else {
            throw Rollout.InvalidSteps(description: "unknown environment '\(name)'")
        }
        let deployment = stage.config.deployment
        let range = deployment.autoScaling ? (deployment.minReplicas ?? deployment.replicas)...deployment.maximumReplicas : deployment.replicas...deployment.replicas
        let live: Int
        if let liveReplicas {
            guard range.contains(liveReplicas) else {
                throw Rollout.InvalidSteps(description: "\(liveReplicas) live replicas is outside what \(name) runs (\(range.lowerBound)–\(range.upperBound))")
            }
            live = liveReplicas
        } else {
            guard !deployment.autoScaling else {
                throw Rollout.InvalidSteps(description: "the autoscaler owns \(name)'s replica count (\(range.lowerBound)–\(range.upperBound)): give the live count with --live-replicas (\(liveCountCommand(stage)))")
            }
            live = deployment.replicas
        }
        let steps = try Rollout.steps(replicas: live, percentages: percentages)
        var files: [RenderedFile] = []
        for step in steps {
            let directory = "rollout/step-\(step.number)-\(step.percent)"
            let pinned = deployment.autoScaling && step.partition > 0
            files += try forward(environment, step: step, pinnedTo: pinned ? live : nil).map {
                RenderedFile(path: "\(directory)/\($0.name)", contents: $0.contents)
            }
            files += try rollback(environment, previous: previous, step: step, pinnedTo: pinned ? live : nil).map {
                RenderedFile(path: "\(directory)/rollback/\($0.name)", contents: $0.contents)
            }
        }
        files.append(RenderedFile(path: "rollout/README.md", contents: readme(stage, steps: steps, live: live, autoscaled: deployment.autoScaling)))
        return RenderedEnvironment(name: "rollout", files: files)
    }

    /// The environment's manifests for `step`, rendered (validated and checked) from typed patches.
    private static func forward(_ environment: Environment, step: Rollout.Step, pinnedTo live: Int?) throws -> [(name: String, contents: String)] {
        let stepped = environment.replacingResources { resource in
            if let engine = resource as? StatefulSet, engine.metadata.name == Common.engineName {
                return engine.patch { setPartition(step.partition, of: &$0) }
            }
            if let live, let autoscaler = resource as? HorizontalPodAutoscaler, autoscaler.metadata.name == Common.engineName {
                return autoscaler.patch { pin(&$0, at: live) }
            }
            return resource
        }
        let rendered = try Generator.renderAll([stepped])
        let prefix = "\(environment.name)/kubernetes/"
        return rendered.flatMap(\.files).filter { $0.path.hasPrefix(prefix) }.map { (String($0.path.dropFirst(prefix.count)), $0.contents) }
    }

    /// The previous revision's manifests with `step`'s partition (and pin): the way back from it.
    /// They are read back and checked like `gen lint` reads manifests, with the environment's contract.
    private static func rollback(
        _ environment: Environment, previous: [String: String], step: Rollout.Step, pinnedTo live: Int?
    ) throws -> [(name: String, contents: String)] {
        let engineFile = "statefulset-\(Common.engineName).yaml"
        let autoscalerFile = "horizontalpodautoscaler-\(Common.engineName).yaml"
        guard let engineText = previous[engineFile] else {
            throw Rollout.InvalidSteps(description: "the previous revision has no \(engineFile)")
        }
        var files = previous
        var engine = try decode(AppsV1.StatefulSet.self, engineText, engineFile)
        setPartition(step.partition, of: &engine)
        files[engineFile] = try YAMLRenderer.render(Value(generated: engine))
        if let live {
            guard let autoscalerText = previous[autoscalerFile] else {
                throw Rollout.InvalidSteps(description: "the previous revision has no \(autoscalerFile) to pin")
            }
            var autoscaler = try decode(AutoscalingV2.HorizontalPodAutoscaler.self, autoscalerText, autoscalerFile)
            pin(&autoscaler, at: live)
            files[autoscalerFile] = try YAMLRenderer.render(Value(generated: autoscaler))
        }
        try check(files, as: environment)
        return files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Sets the rolling update's partition: pods with an ordinal at or above it take the template.
    private static func setPartition(_ partition: Int, of object: inout AppsV1.StatefulSet) {
        var strategy = object.spec?.updateStrategy ?? AppsV1.StatefulSetUpdateStrategy()
        var rolling = strategy.rollingUpdate ?? AppsV1.RollingUpdateStatefulSetStrategy()
        rolling.partition = partition
        strategy.rollingUpdate = rolling
        object.spec?.updateStrategy = strategy
    }

    /// Holds the autoscaler at `live` replicas (its minimum and maximum both).
    private static func pin(_ object: inout AutoscalingV2.HorizontalPodAutoscaler, at live: Int) {
        object.spec?.minReplicas = live
        object.spec?.maxReplicas = live
    }

    private static func decode<Object: KubernetesObject>(_ type: Object.Type, _ text: String, _ file: String) throws -> Object {
        do {
            return try StrictYAMLDecoder().decodeGenerated(type, from: text)
        } catch {
            throw Rollout.InvalidSteps(description: "previous revision \(file):\(error.line.map(String.init) ?? "?"): \(error.field) \(error.message)")
        }
    }

    /// Validation and the semantic checks over manifests, with the environment's contract.
    private static func check(_ files: [String: String], as environment: Environment) throws {
        var reader = ManifestReader(more: CustomResourceKinds.all)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where name != "kustomization.yaml" {
            reader.read(yaml: text, file: name)
        }
        let unreadable = reader.diagnostics.diagnostics.filter { $0.severity == .error }
        guard unreadable.isEmpty else { throw DiagnosticsError(unreadable) }
        let manifests = Environment(
            environment.name, namespace: environment.namespace, kind: environment.kind, location: environment.location,
            parts: reader.resources.map { .resource($0) }
        ).contract(environment.contract)
        _ = try Generator.renderAll([manifests])
    }

    private static func liveCountCommand(_ stage: Stage) -> String {
        "kubectl -n \(stage.namespace) get statefulset \(Common.engineName) -o jsonpath='{.spec.replicas}'"
    }

    private static func readme(_ stage: Stage, steps: [Rollout.Step], live: Int, autoscaled: Bool) -> String {
        let alerts = Monitoring.alertRules(stage).groups.flatMap(\.rules).map(\.alert)
        let selector = stage.engineSelector.pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let namespace = stage.namespace
        var lines = [
            "# Rollout of \(Common.engineName) in \(stage.name)",
            "",
            "Generated by `swift run gen rollout`; do not edit. Planned for \(live) live replicas. Each step sets the",
            "StatefulSet's `rollingUpdate.partition`: pods with an ordinal at or above it run the new template.",
        ]
        if autoscaled {
            lines += [
                "Every step before the last pins the autoscaler to \(live) replicas (minimum and maximum), so the count",
                "cannot move under the partition; the last step gives it back its range.",
                "",
                "Before the first step, the live count must be \(live): `\(liveCountCommand(stage))`",
                "prints it. If it does not, plan again with `swift run gen rollout --env \(stage.name) --live-replicas <count>`.",
            ]
        }
        lines += [
            "",
            "| step | share | updated pods | partition | autoscaler | directory |",
            "|---|---|---|---|---|---|",
        ]
        for step in steps {
            let pods = step.updatedOrdinals.map { "\(Common.engineName)-\($0)" }.joined(separator: ", ")
            let scaling = !autoscaled ? "—" : step.partition > 0 ? "pinned at \(live)" : "its range"
            lines.append("| \(step.number) | \(step.percent)% | \(pods) | \(step.partition) | \(scaling) | `step-\(step.number)-\(step.percent)/` |")
        }
        lines += [
            "",
            "Apply a step with `kubectl apply -k step-<n>-<percent>/`. Before the next step, all of these must hold:",
            "",
            "1. The step's pods run the new revision and are ready: `kubectl -n \(namespace) rollout status statefulset/\(Common.engineName) --timeout=10m`",
            "   returns (it waits for the pods at or above the partition), `kubectl -n \(namespace) get statefulset \(Common.engineName) -o jsonpath='{.status.updatedReplicas}'`",
            "   prints the step's number of updated pods, and `kubectl -n \(namespace) get pods -l \(selector)` shows every pod `Running`, `1/1` ready.",
            "2. For five minutes after the last pod turned ready, none of the alert rules of the PrometheusRule `\(Monitoring.ruleName)` fires for",
            "   \(namespace) (`amtool --alertmanager.url=<alertmanager> alert query namespace=\(namespace)` lists none): " + alerts.map { "`\($0)`" }.joined(separator: ", ") + ".",
            "3. The readiness endpoint of every updated pod answers 200: `kubectl -n \(namespace) exec <pod> -- wget -qO- localhost:\(Common.httpPort.number)\(EngineInterface.readinessPath)`.",
            "",
            "## Rolling back",
            "",
            "Raising the partition does not revert a pod: a pod already on the new revision stays on it. To roll a step back,",
            "apply its `rollback/` directory: the previous revision's manifests with the same partition, so exactly the pods",
            "that step updated go back to the previous template (the others already run it). `kubectl apply -k step-<n>-<percent>/rollback/`,",
            "then check as above, with the previous revision. The last step's `rollback/` is the previous revision as it was",
            "released, the autoscaler's range included; after rolling back an earlier step, apply it too to give the autoscaler",
            "its range back.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
