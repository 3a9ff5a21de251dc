import KubernetesAPI

/// A resource whose body is an object of the generated Kubernetes API: the intent-level types
/// (``StatefulSet``, ``Service``, ``NetworkPolicy``...) build one from what they describe, and it is
/// rendered by writing that object. ``patch(file:line:_:)`` changes the object with every field
/// checked by the compiler; the checks see the patched object.
public protocol GeneratedResource: Resource {
    /// The generated kind this resource builds.
    associatedtype Object: KubernetesObject

    /// The object as the resource describes it, before any patch; its metadata is set by the
    /// environment when the object is rendered.
    var unpatchedObject: Object { get }

    /// Changes applied to ``unpatchedObject``, in order.
    var patches: [ObjectPatch<Object>] { get set }
}

/// One typed change to a generated object, with the line that wrote it.
public struct ObjectPatch<Object>: Sendable {
    /// The change.
    public let change: @Sendable (inout Object) -> Void
    /// Where it was written.
    public let location: SourceLocation
}

extension GeneratedResource {
    /// The object as rendered: ``unpatchedObject`` with every patch applied.
    public var object: Object {
        var object = unpatchedObject
        for patch in patches { patch.change(&object) }
        return object
    }

    /// The same resource with a field the intent-level type does not have set on its generated
    /// object, checked by the compiler (the typed escape hatch):
    ///
    /// ```swift
    /// StatefulSet("engine", selector: labels, serviceName: "engine", template: pod)
    ///     .patch { $0.spec?.minReadySeconds = 10 }
    /// ```
    ///
    /// Metadata is not patched: `.labels(_:)`, `.annotations(_:)` and the environment set it, and
    /// validation reports a patch that changes it.
    public func patch(
        file: StaticString = #filePath, line: UInt = #line, _ change: @escaping @Sendable (inout Object) -> Void
    ) -> Self {
        var copy = self
        copy.patches.append(ObjectPatch(change: change, location: SourceLocation(file, line)))
        return copy
    }

    public var patchLocations: [SourceLocation] { patches.map(\.location) }

    public func writeBody(to sink: any DocumentSink) { object.writeBody(to: sink) }

    /// Reports a patch that changes metadata, which rendering takes from the resource instead.
    func validatePatches(_ context: inout ValidationContext) {
        guard !patches.isEmpty else { return }
        let before = unpatchedObject.metadata
        var object = unpatchedObject
        for patch in patches {
            patch.change(&object)
            if object.metadata != before {
                context.error("patch", "a patch changes metadata, which the environment sets; use .labels(_:) or .annotations(_:)", field: "metadata", at: patch.location)
                return
            }
        }
    }
}

extension GeneratedResource where Self: Workload, Object: PodTemplateCarrying {
    /// The pod template the checks read: `declared`, or, once a patch changes the pods, the patched
    /// object's pods, placed at the line of the last patch.
    func checkedTemplate(declared: PodTemplate) -> PodTemplate {
        guard let last = patches.last else { return declared }
        let patched = object.podTemplate
        guard patched != unpatchedObject.podTemplate else { return declared }
        return PodTemplateBridge(location: last.location).template(patched)
    }
}
