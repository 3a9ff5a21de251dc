/// A file of generated output: its path relative to the output directory and its exact contents.
public struct RenderedFile: Hashable, Sendable {
    /// The path under the output directory, such as `production/kubernetes/namespace-x.yaml`.
    public let path: String
    /// The text in the pieces it was made in, written one after another. A stream of 5,000
    /// documents is its documents' texts: joining them only to write them would copy every byte
    /// once more, and hold both copies at once.
    let parts: [String]

    /// The bytes to write, as UTF-8 text.
    public var contents: String { parts.count == 1 ? parts[0] : parts.joined() }

    /// A file at a relative path.
    public init(path: String, contents: String) {
        self.path = path
        parts = [contents]
    }

    /// A file whose text is `parts`, one after another.
    init(path: String, parts: [String]) {
        self.path = path
        self.parts = parts
    }

    public static func == (lhs: RenderedFile, rhs: RenderedFile) -> Bool {
        lhs.path == rhs.path && (lhs.parts == rhs.parts || lhs.contents == rhs.contents)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
    }
}

/// The output format of Kubernetes manifests.
public enum ManifestFormat: String, Sendable, CaseIterable {
    case yaml
    case json
}

/// How an environment's Kubernetes objects are laid out in files.
public enum ManifestLayout: String, Sendable, CaseIterable {
    /// `<env>/kubernetes/<kind>-<name>.yaml` per object, and a `kustomization.yaml` listing them
    /// in apply order (`kubectl apply -k`): one reviewable diff per object.
    case files
    /// `<env>/kubernetes/manifests.yaml`: every object in apply order as one multi-document YAML
    /// stream, as `helm template` or `kustomize build` print it (`kubectl apply -f`). YAML only.
    case stream

    /// The stream's file name.
    public static let streamFileName = "manifests.yaml"
}
