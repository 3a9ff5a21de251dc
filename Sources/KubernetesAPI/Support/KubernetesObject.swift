/// A top-level Kubernetes kind of the generated API (`AppsV1.Deployment`, a custom resource): its
/// `apiVersion` and `kind` as type facts, so code can map a manifest's kind to its Swift type.
public protocol KubernetesObject: DocumentReadable, Sendable, DocumentEquatable {
    /// `apps/v1`, `v1`, `external-secrets.io/v1beta1`...
    static var apiVersion: String { get }
    /// `Deployment`, `ExternalSecret`...
    static var kind: String { get }
    /// Whether objects of this kind live in a namespace.
    static var isNamespaced: Bool { get }
    /// Name, namespace, labels, annotations...
    var metadata: MetaV1.ObjectMeta? { get set }
    /// The object's own `apiVersion` field: the type's, or nil where the object is embedded in
    /// another (a StatefulSet's claim templates may leave it out).
    var apiVersion: String? { get set }
    /// The object's own `kind` field, as ``apiVersion``.
    var kind: String? { get set }
    /// Every field after `apiVersion`, `kind` and `metadata`, in order, into an object the sink
    /// already has open: what a resource whose metadata is set elsewhere writes.
    func writeBody(to sink: any DocumentSink)
}

extension KubernetesObject {
    /// The object as another object may embed it: without its own `apiVersion` and `kind`.
    ///
    /// ```swift
    /// AppsV1.StatefulSetSpec(..., volumeClaimTemplates: [CoreV1.PersistentVolumeClaim(...).embedded()])
    /// ```
    public func embedded() -> Self {
        stating(apiVersion: nil, kind: nil)
    }

    /// The object with its own `apiVersion` and `kind` fields set as given (nil leaves one out).
    public func stating(apiVersion: String?, kind: String?) -> Self {
        var copy = self
        copy.apiVersion = apiVersion
        copy.kind = kind
        return copy
    }
}

/// A kind whose objects hold no secret material, so they may be written in Swift for any environment.
/// Every generated kind is one, except those the generator's configuration lists as holding secret
/// data (`Secret`).
public protocol SecretFreeObject: KubernetesObject {}

/// A string enumeration of the API: the values the schema lists, plus ``unknown(_:)`` for any other
/// value a manifest holds, so reading never fails on a new value and validation can report it.
public protocol OpenEnumeration: RawRepresentable, DocumentReadable, Equatable, Sendable, DocumentWritable where RawValue == String {
    /// The value as written when it is not one the schema lists.
    static func unknown(_ value: String) -> Self
    /// The listed values, in the schema's order.
    static var listed: [Self] { get }
}

extension OpenEnumeration {
    /// Whether the value is one the schema lists.
    public var isListed: Bool { Self.listed.contains(self) }
}

extension OpenEnumeration {
    /// The value, listed or not; an unlisted one is noted.
    public init(reading reader: inout DocumentReader, at node: Int) throws(DocumentReadError) {
        let text = try reader.text(at: node, expected: "string")
        self = Self(rawValue: text) ?? .unknown(text)
        if !isListed { reader.note(self, at: node) }
    }
}
