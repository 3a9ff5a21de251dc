/// `image-pinning`: where the contract asks for it (``EnvironmentContract/pinnedImages``), every
/// container runs an image named by a sha256 digest. A tag can be moved after review; a missing tag
/// means `latest`. Either way the cluster could run something nobody looked at.
public enum ImagePinningCheck: EnvironmentCheck {
    public static let id = "image-pinning"

    public static func run(_ context: inout CheckContext) {
        guard context.contract.pinnedImages else { return }
        for workload in context.workloads {
            for container in workload.template.allContainers where !isPinnedByDigest(container.image) {
                context.error(
                    "container \(container.name) runs \(container.image), which is not pinned by a sha256 digest: what runs could change after review (pin the image with its digest)",
                    at: workload, field: "spec.template.spec.containers[\(container.name)].image", location: container.location)
            }
        }
    }

    /// Whether `image` ends in `@sha256:` and 64 lower-case hex digits.
    public static func isPinnedByDigest(_ image: String) -> Bool {
        guard let at = image.lastIndex(of: "@") else { return false }
        let digest = image[image.index(after: at)...]
        guard digest.hasPrefix("sha256:") else { return false }
        let hex = digest.dropFirst("sha256:".count)
        return hex.count == 64 && hex.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
