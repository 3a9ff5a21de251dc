/// `parity`: across environments in promotion order, workloads run the same image repository (one
/// tag or digest per environment), each tier is at least as strict as the one before it on the
/// contract's parity settings, and kinds of object a restricted tier has that the restricted tier
/// before it lacks are reported (a development environment is not a gate for them).
public enum ParityCheck {
    public static let id = "parity"

    /// Findings over environments given in promotion order (development, staging, production).
    public static func run(_ environments: [(environment: Environment, objects: [any Resource])]) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        // Each environment's images are read in parallel; comparing them is the quick part.
        let images = Parallel.map(count: environments.count) { index in containerImages(environments[index].objects) }
        var repositories: [String: (String, SourceLocation)] = [:]
        for ((environment, _), containers) in zip(environments, images) {
            for image in containers {
                let key = image.key
                if let (first, firstEnvironment) = repositories[key].map({ ($0.0, $0.1) }), first != image.repository {
                    diagnostics.error(id, "\(key) runs \(image.repository) here but \(first) earlier (\(firstEnvironment)); environments must differ in configuration, not code", at: ResourcePath([environment.name, image.kind, image.name]), image.location)
                } else if repositories[key] == nil {
                    repositories[key] = (image.repository, image.location)
                }
            }
        }
        for (earlier, later) in zip(environments, environments.dropFirst()) {
            for setting in later.environment.contract.parity {
                guard let before = earlier.environment.contract.parity.first(where: { $0.name == setting.name }) else { continue }
                if setting.strictness < before.strictness {
                    diagnostics.error(id, "\(setting.name) is \(setting.value) here, weaker than \(before.value) in \(earlier.environment.name)", at: ResourcePath([later.environment.name, "contract", setting.name]), later.environment.location)
                }
            }
            guard earlier.environment.kind == .restricted else { continue }
            let earlierKinds = Set(earlier.objects.map { type(of: $0).kind })
            var reported = Set<String>()
            for object in later.objects where !earlierKinds.contains(type(of: object).kind) && reported.insert(type(of: object).kind).inserted {
                diagnostics.warning(id, "\(earlier.environment.name) has no \(type(of: object).kind), so what this one does was never tested before it", at: ResourcePath([later.environment.name, type(of: object).kind, object.metadata.name]), object.location)
            }
        }
        return diagnostics.diagnostics
    }

    /// A container of a workload: `kind/name/container`, its image repository and where it was written.
    private struct ContainerImage: Sendable {
        let kind: String
        let name: String
        let key: String
        let repository: String
        let location: SourceLocation
    }

    private static func containerImages(_ objects: [any Resource]) -> [ContainerImage] {
        var images: [ContainerImage] = []
        for case let workload as any Workload in objects {
            let kind = type(of: workload).kind
            let name = workload.metadata.name
            for container in workload.template.containers {
                images.append(ContainerImage(kind: kind, name: name, key: "\(kind)/\(name)/\(container.name)",
                                             repository: imageRepository(container.image), location: container.location))
            }
        }
        return images
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
