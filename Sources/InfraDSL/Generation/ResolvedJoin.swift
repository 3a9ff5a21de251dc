/// An environment's resolved batches joined in definition order, one batch at a time as each is
/// ready: the environment's own findings, then each object's findings followed by a duplicate
/// finding if another object already has its identity; ``finish()`` puts the objects in apply order.
///
/// Batch by batch, so the renderer joins each batch right after it is resolved and only the sort is
/// left once the last batch is done.
struct ResolvedJoin<Derived: Sendable>: Sendable {
    private var context: ValidationContext
    private var objects: [ResolvedObject] = []
    private var derived: [Derived] = []
    private var firstDefinition: [ResolvedObject.Identity: SourceLocation] = [:]

    init(_ environment: Environment) {
        context = ValidationContext(environment: environment.name)
        context.checkName(environment.name, field: "name", label: true, at: environment.location)
        context.checkName(environment.namespace, field: "namespace", label: true, at: environment.location)
        objects.reserveCapacity(environment.resources.count)
        derived.reserveCapacity(environment.resources.count)
        firstDefinition.reserveCapacity(environment.resources.count)
    }

    /// Adds the next batch, in definition order.
    mutating func append(_ batch: EnvironmentResolver.ResolvedBatch<Derived>) {
        derived.append(contentsOf: batch.derived)
        var start = 0
        for (object, end) in zip(batch.objects, batch.ends) {
            for diagnostic in batch.diagnostics[start..<end] { context.diagnostics.append(diagnostic) }
            start = end
            // One lookup for the common case, a new identity; a duplicate puts the first back.
            if let first = firstDefinition.updateValue(object.resource.location, forKey: object.identity) {
                firstDefinition[object.identity] = first
                let resource = object.resource
                context.within(object.kind, object.name) { context in
                    context.error("duplicate", "\(object.kind) '\(object.name)' is defined twice in namespace '\(resource.metadata.namespace ?? "-")'; the first definition is at \(first)", at: resource.location)
                }
            }
            objects.append(object)
        }
    }

    /// The objects in apply order, then kind, then name (ties keep their definition order), with
    /// every finding and the derived values in the same order.
    func finish() -> (objects: [ResolvedObject], diagnostics: DiagnosticCollector, derived: [Derived]) {
        let order = objects.withUnsafeBufferPointer { objects in
            objects.indices.sorted { left, right in
                if objects[left].applyOrder != objects[right].applyOrder { return objects[left].applyOrder < objects[right].applyOrder }
                if objects[left].kind != objects[right].kind { return objects[left].kind < objects[right].kind }
                if objects[left].name != objects[right].name { return objects[left].name < objects[right].name }
                return left < right
            }
        }
        return (order.map { objects[$0] }, context.diagnostics, order.map { derived[$0] })
    }
}
