/// A file of generated output: its path relative to the output directory and its exact contents.
public struct RenderedFile: Hashable, Sendable {
    /// The path under the output directory, such as `production/kubernetes/namespace-x.yaml`.
    public let path: String
    /// The bytes to write, as UTF-8 text.
    public let contents: String

    /// A file at a relative path.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The output format of Kubernetes manifests.
public enum ManifestFormat: String, Sendable, CaseIterable {
    case yaml
    case json
}
