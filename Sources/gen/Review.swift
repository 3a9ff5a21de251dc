import ArgumentParser
import Environments
import Foundation
import InfraDSL

extension DiffReport.Format: ExpressibleByArgument {}

/// `gen diff`: how two environments differ, or what a change does to environments against an
/// earlier output of them; object by object and field by field.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two environments, or environments with an earlier gen output (--against), object by object and field by field.",
        discussion: """
            With --against DIR (a committed snapshot tree, the base branch's gen output), every selected
            environment is compared with its objects in DIR/<env>/kubernetes: changes are flagged (image,
            scale, resources, network, rbac), with what the reachability check now blocks or allows.
            Exits 0 when nothing changed, 1 when something did, 2 when DIR cannot be read.
            """)

    @Option(help: "The environment to compare from.") var from: String?
    @Option(help: "The environment to compare to.") var to: String?
    @Option(help: "An earlier gen output to compare the selected environments with.") var against: String?
    @OptionGroup var selection: EnvironmentSelection
    @Option(help: "text (coloured on a terminal), markdown (a pull-request comment) or json.") var format: DiffReport.Format = .text
    @Flag(help: "No colour, even on a terminal.") var noColor = false

    func validate() throws {
        switch (from, to, against) {
        case (.some, .some, nil): if !selection.names.isEmpty || selection.all { throw ValidationError("--env and --all go with --against, not with --from/--to") }
        case (nil, nil, .some): break
        default: throw ValidationError("give --from and --to (two environments), or --against DIR with --env NAME or --all")
        }
    }

    func run() throws {
        let color = format == .text && !noColor && isatty(STDOUT_FILENO) != 0
        guard let against else {
            let environments = try EnvironmentSelection(names: [from!, to!], all: false).environments()
            let resolved = environments.map { ($0.name, EnvironmentResolver.resolve($0).objects) }
            let diff = EnvironmentDiff.compare(from: resolved[0], to: resolved[1])
                .substituting(EnvironmentIdentity.substitutions(from: environments[0], to: environments[1]))
                .declaring(EnvironmentIdentity.declaredDifferences(from: environments[0].name, to: environments[1].name))
            print(DiffReport.render(diff, format: format, color: color), terminator: "")
            return
        }
        let tree = RenderedTree(root: URL(fileURLWithPath: against))
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: against, isDirectory: &directory), directory.boolValue else {
            printError("gen diff: \(against) is not a directory")
            throw ExitCode(2)
        }
        let reviews: [RevisionDiff]
        do {
            reviews = try selection.environments().map { environment in
                try RevisionDiff.compare(environment, against: tree, critical: Catalog.isLive(environment.name))
            }
        } catch let error as RenderedTree.Unreadable {
            printError("gen diff: \(error.description)")
            throw ExitCode(2)
        }
        print(RevisionReport.render(reviews, format: format, color: color), terminator: "")
        if reviews.contains(where: \.hasChanges) { throw ExitCode(1) }
    }
}

/// `gen docs`: writes the table of settings that differ between environments.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write docs/environments.md: every setting that differs between environments.")

    @Option(help: "Where to write.") var output = "docs/environments.md"
    @Flag(help: "Compare with the file instead of writing it; exit 1 if it is stale.") var check = false

    func run() throws {
        let markdown = try EnvironmentDocs.markdown()
        let url = URL(fileURLWithPath: output)
        if check {
            let current = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            let diff = UnifiedDiff.diff(old: current, new: markdown, oldName: output, newName: "\(output) (rendered)")
            guard diff.isEmpty else {
                print(diff, terminator: "")
                printError("gen docs: \(output) is stale; run `swift run gen docs`")
                throw ExitCode.failure
            }
            print("\(output) is current")
            return
        }
        try AtomicFile.write(markdown, to: url)
        print("wrote \(output)")
    }
}

/// `gen promote`: the target environment takes the source's image pin.
struct Promote: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Promote an environment's image to the next tier: rewrite the pins file and the target's snapshots.")

    @Option(help: "The environment whose image is promoted.") var from: String
    @Option(help: "The environment that takes it.") var to: String
    @Flag(help: "Allow skipping a tier.") var force = false
    @Option(help: "The machine-owned pins file.") var pinsFile = "Sources/Environments/ImagePins+Current.swift"
    @Option(help: "The snapshot directory to update.") var snapshots = "snapshots"

    func run() throws {
        let plan: Promotion.Plan
        do {
            plan = try Promotion.plan(from: from, to: to, force: force)
        } catch {
            printError("gen promote: refused: \(error.description)\nnothing was changed")
            throw ExitCode.failure
        }
        let pinsURL = URL(fileURLWithPath: pinsFile)
        let previous = try String(contentsOf: pinsURL, encoding: .utf8)
        try AtomicFile.write(plan.pinsSource, to: pinsURL)
        do {
            try Generator.write(plan.rendered, into: OutputDirectory(root: URL(fileURLWithPath: snapshots)))
        } catch {
            try AtomicFile.write(previous, to: pinsURL)
            printError("gen promote: cannot write \(snapshots): \(describeFileError(error)); \(pinsFile) was restored, nothing was changed")
            throw ExitCode.failure
        }
        for difference in plan.differences { print(difference.diff, terminator: "") }
        print("promoted \(plan.from) → \(plan.to): \(plan.to) now runs \(plan.pin.reference)")
        print("changed: \(pinsFile) and \(plan.differences.count) file(s) under \(snapshots)/ (\(plan.rendered.map(\.name).joined(separator: ", "))); commit them together")
    }
}

/// `gen rollout`: canary steps by StatefulSet partition, each with its way back.
struct RolloutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout", abstract: "Write canary steps, each with its rollback, under <output>/<env>/rollout/.")

    @Option(name: .customLong("env"), help: "The environment.") var environment: String
    @Option(help: "Comma-separated percentages, ending at 100.") var steps = "10,50,100"
    @Option(help: "The engine's live replica count the rollout starts from (required when it is autoscaled).") var liveReplicas: Int?
    @Option(help: "The previous revision's gen output (a directory holding <env>/kubernetes/), for the rollbacks: the base branch's snapshots, say.")
    var previous: String
    @Option(help: "The output directory.") var output = "out"

    func run() throws {
        let percentages = try steps.split(separator: ",").map { text -> Int in
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("'\(text)' is not a percentage") }
            return value
        }
        let manifests = URL(fileURLWithPath: previous).appendingPathComponent("\(environment)/kubernetes")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: manifests.path) else {
            throw ValidationError("no previous revision at \(manifests.path)")
        }
        var previousFiles: [String: String] = [:]
        for name in names where name.hasSuffix(".yaml") {
            previousFiles[name] = try String(contentsOf: manifests.appendingPathComponent(name), encoding: .utf8)
        }
        let rendered: RenderedEnvironment
        do {
            rendered = try RolloutPlan.files(environment: environment, percentages: percentages, liveReplicas: liveReplicas, previous: previousFiles)
        } catch let error as DiagnosticsError {
            error.diagnostics.forEach { printError($0.description) }
            printError("gen rollout: a step fails its checks; nothing was written")
            throw ExitCode.failure
        } catch {
            printError("gen rollout: \(error)")
            throw ExitCode.failure
        }
        try OutputDirectory(root: URL(fileURLWithPath: output).appendingPathComponent(environment)).write(rendered)
        print("wrote \(output)/\(environment)/rollout (\(rendered.files.count) files)")
    }
}
