/// `parity`: across environments in promotion order, workloads run the same image repository (one
/// tag or digest per environment), each tier is at least as strict as the one before it on the
/// contract's parity settings, and kinds of object a restricted tier has that the restricted tier
/// before it lacks are reported (a development environment is not a gate for them).
public enum ParityCheck {
    public static let id = "parity"

    /// Findings over environments given in promotion order (development, staging, production).
    public static func run(_ environments: [(environment: Environment, objects: [any Resource])]) -> [Diagnostic] {
        // Each environment's summary is read in parallel; comparing them is the quick part.
        let tiers = Parallel.map(count: environments.count) { index in
            Tier(environments[index].environment, environments[index].objects)
        }
        return run(tiers)
    }

    /// What parity compares of one environment: its containers' images and the first object of
    /// each kind. The renderer reads it right after an environment's objects are joined, in
    /// parallel with the checks, so only the comparison is left after rendering.
    struct Tier: Sendable {
        let environment: Environment
        let images: [ContainerImage]
        /// The first object of each kind, in definition order.
        let firstOfKind: [(kind: String, name: String, location: SourceLocation)]

        init(_ environment: Environment, _ objects: some Sequence<any Resource>) {
            self.environment = environment
            var images: [ContainerImage] = []
            var firstOfKind: [(kind: String, name: String, location: SourceLocation)] = []
            var kinds = Set<String>()
            for object in objects {
                let kind = type(of: object).kind
                if kinds.insert(kind).inserted { firstOfKind.append((kind, object.metadata.name, object.location)) }
                guard type(of: object).isWorkload, let workload = object as? any Workload else { continue }
                let name = workload.metadata.name
                for container in workload.template.containers {
                    images.append(ContainerImage(kind: kind, name: name, key: "\(kind)/\(name)/\(container.name)",
                                                 repository: imageRepository(container.image), location: container.location))
                }
            }
            self.images = images
            self.firstOfKind = firstOfKind
        }
    }

    /// Findings over environments' summaries in promotion order.
    static func run(_ tiers: [Tier]) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        var repositories: [String: (String, SourceLocation)] = [:]
        for tier in tiers {
            for image in tier.images {
                let key = image.key
                if let (first, firstEnvironment) = repositories[key].map({ ($0.0, $0.1) }), first != image.repository {
                    diagnostics.error(id, "\(key) runs \(image.repository) here but \(first) earlier (\(firstEnvironment)); environments must differ in configuration, not code", at: ResourcePath([tier.environment.name, image.kind, image.name]), image.location)
                } else if repositories[key] == nil {
                    repositories[key] = (image.repository, image.location)
                }
            }
        }
        for (earlier, later) in zip(tiers, tiers.dropFirst()) {
            for setting in later.environment.contract.parity {
                guard let before = earlier.environment.contract.parity.first(where: { $0.name == setting.name }) else { continue }
                if setting.strictness < before.strictness {
                    diagnostics.error(id, "\(setting.name) is \(setting.value) here, weaker than \(before.value) in \(earlier.environment.name)", at: ResourcePath([later.environment.name, "contract", setting.name]), later.environment.location)
                }
            }
            guard earlier.environment.kind == .restricted else { continue }
            let earlierKinds = Set(earlier.firstOfKind.map(\.kind))
            for first in later.firstOfKind where !earlierKinds.contains(first.kind) {
                diagnostics.warning(id, "\(earlier.environment.name) has no \(first.kind), so what this one does was never tested before it", at: ResourcePath([later.environment.name, first.kind, first.name]), first.location)
            }
        }
        return diagnostics.diagnostics
    }

    /// A container of a workload: `kind/name/container`, its image repository and where it was written.
    struct ContainerImage: Sendable {
        let kind: String
        let name: String
        let key: String
        let repository: String
        let location: SourceLocation
    }

    /// `registry/name` of `registry/name:tag` or `registry/name@sha256:...`.
    static func imageRepository(_ image: String) -> String {
        // Over UTF-8 bytes: this runs for every container of every environment.
        let bytes = image.utf8
        let end = bytes.firstIndex(of: UInt8(ascii: "@")) ?? bytes.endIndex
        let undigested = bytes[..<end]
        if let colon = undigested.lastIndex(of: UInt8(ascii: ":")), !undigested[colon...].contains(UInt8(ascii: "/")) {
            return String(image[..<colon])
        }
        return String(image[..<end])
    }
}
