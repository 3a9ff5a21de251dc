import Foundation

/// What to generate from the Kubernetes schema: the declared kinds (their closure follows), which are
/// cluster-scoped, the string enumerations (the published schema lists none), and leading fields.
///
/// Read from a JSON file kept in the repository (`codegen/kubernetes-api.json`).
public struct APIConfiguration: Codable, Sendable {
    /// One string enumeration: its qualified Swift name, its values, and the fields that use it.
    public struct Enumeration: Codable, Sendable {
        /// `CoreV1.PullPolicy`.
        public var name: String
        public var values: [String]
        /// `io.k8s.api.core.v1.Container.imagePullPolicy`: definition, a dot, the property.
        public var fields: [String]
    }

    /// The Kubernetes version the schema is of (`1.32`), for the files' header.
    public var kubernetesVersion: String
    /// Definition names of the kinds to generate.
    public var kinds: [String]
    /// Definition names of the kinds that are not namespaced.
    public var clusterScoped: [String]
    /// Definition names of the kinds whose objects hold secret data.
    public var secretKinds: [String]
    public var enumerations: [Enumeration]
    /// Per definition, the fields that come first (in this order) when objects are rendered.
    public var leadingFields: [String: [String]]

    /// The configuration in a JSON file.
    public static func load(path: String) throws -> APIConfiguration {
        try JSONDecoder().decode(APIConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
