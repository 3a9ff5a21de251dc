import InfraDSL

/// Promotion as a reviewed change: the target environment takes the source environment's image
/// pins, every application's. The result is the new pins file and the rendered output it causes,
/// so the pull request holds exactly the pin change and the snapshot changes.
public enum Promotion {
    /// A promotion that may go ahead.
    public struct Plan: Sendable {
        public let from: String
        public let to: String
        /// The new contents of `ImagePins+Current.swift`.
        public let pinsSource: String
        /// The target environment rendered with the new pin, and the Helm chart's output when the
        /// target deploys with it (its values file changes).
        public let rendered: [RenderedEnvironment]
        /// What changes in that output.
        public let differences: [FileDifference]
        /// The engine's pin the target now runs (with every other application's pin from the source).
        public let pin: ImagePin
    }

    /// Why a promotion may not go ahead.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Plans promoting `from`'s image to `to`. Refuses when either name is unknown, when `to` does
    /// not take its image from `from` in the promotion graph (a skip or a backwards move, unless
    /// `force`), when `from`'s image is not pinned by digest, or when any environment fails a check
    /// before or after the change.
    public static func plan(from: String, to: String, force: Bool = false, pins: ImagePins = .current) throws(Refusal) -> Plan {
        let names = Catalog.names
        let edges = Catalog.promotions
        guard names.contains(from) else { throw Refusal(description: "unknown environment '\(from)'; valid: \(names.joined(separator: ", "))") }
        guard names.contains(to) else { throw Refusal(description: "unknown environment '\(to)'; valid: \(names.joined(separator: ", "))") }
        guard from != to else { throw Refusal(description: "cannot promote \(from) to itself") }
        if !force, !edges.contains(where: { $0.from == from && $0.to == to }) {
            let graph = edges.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
            let next = edges.filter { $0.from == from }.map(\.to)
            let takes = edges.first { $0.to == to }.map { "\(to) takes its image from \($0.from)" } ?? "\(to) takes no promoted image"
            let direction = upstream(of: from, edges).contains(to) ? "backwards: \(to) comes before \(from)" : takes
            throw Refusal(description: "\(from) does not promote to \(to) (\(direction); \(from) promotes to \(next.isEmpty ? "nothing" : next.joined(separator: " and ")); promotion goes \(graph)); use --force to skip")
        }
        guard let pin = pins[from], let images = pins.pins[from] else { throw Refusal(description: "\(from) has no image pin") }
        for (application, image) in images.sorted(by: { $0.key < $1.key }) where !image.isPinnedByDigest {
            let what = application == ImagePins.engine ? from : "\(application) in \(from)"
            throw Refusal(description: "\(what) runs \(image.reference), which is not pinned by a sha256 digest, so what \(to) would run could change after review")
        }
        // The current render is both the check before the promotion and the base of its diff.
        let affected: Set<String> = [to, HelmPackaging.outputName]
        let before: [RenderedEnvironment]
        do {
            before = try Catalog.render(Catalog.environments(with: pins), pins: pins).filter { affected.contains($0.name) }
        } catch {
            throw Refusal(description: "the environments fail their checks before the promotion; fix them first:\n" + errors(error))
        }
        let promoted = pins.promoting(from, to: to)
        let after: [RenderedEnvironment]
        do {
            after = try Catalog.render(Catalog.environments(with: promoted), pins: promoted).filter { affected.contains($0.name) }
        } catch {
            throw Refusal(description: "\(to) fails its checks with \(from)'s image:\n" + errors(error))
        }
        return Plan(
            from: from, to: to, pinsSource: promoted.sourceFile(order: names), rendered: after,
            differences: zip(before, after).flatMap { RenderedEnvironment.differences(from: $0, to: $1) }.sorted { $0.path < $1.path }, pin: pin)
    }

    /// Every environment whose image flows, directly or not, into `name`.
    private static func upstream(of name: String, _ edges: [(from: String, to: String)]) -> Set<String> {
        var found = Set<String>()
        var frontier = [name]
        while let next = frontier.popLast() {
            for edge in edges where edge.to == next && found.insert(edge.from).inserted { frontier.append(edge.from) }
        }
        return found
    }

    private static func errors(_ error: DiagnosticsError) -> String {
        error.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
    }
}
