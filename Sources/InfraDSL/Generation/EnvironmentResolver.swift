/// Turns an ``Environment`` into validated, namespace-resolved objects with their documents.
public enum EnvironmentResolver {
    /// Resolves and validates every object; the diagnostics say whether the result may be written.
    public static func resolve(_ environment: Environment) -> (objects: [ResolvedObject], diagnostics: DiagnosticCollector) {
        resolveAll([environment])[0]
    }

    /// ``resolve(_:)`` for several environments at once: the objects of all of them are resolved
    /// in one parallel pass (each batch of objects independently), then each environment's are
    /// checked for duplicates and sorted. The result is the same as resolving them one by one.
    public static func resolveAll(_ environments: [Environment]) -> [(objects: [ResolvedObject], diagnostics: DiagnosticCollector)] {
        let work = environments.indices.flatMap { index in batchRanges(of: environments[index]).map { (environment: index, range: $0) } }
        let resolved = Parallel.map(count: work.count) { index in
            resolveBatch(environments[work[index].environment], work[index].range) { _ in () }
        }
        return Parallel.map(count: environments.count) { index in
            let joined = join(environments[index], zip(work, resolved).filter { $0.0.environment == index }.map(\.1))
            return (joined.objects, joined.diagnostics)
        }
    }

    /// The ranges of `environment`'s resources that are resolved as one batch each: several per
    /// core, so one slow batch does not leave the other cores idle.
    static func batchRanges(of environment: Environment) -> [Range<Int>] {
        let count = environment.resources.count
        let size = Parallel.chunkSize(for: count)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// Objects resolved from consecutive resources, with their findings: those of object `i` are
    /// `diagnostics[ends[i - 1]..<ends[i]]`.
    struct ResolvedBatch<Derived: Sendable>: Sendable {
        var objects: [ResolvedObject] = []
        var derived: [Derived] = []
        var diagnostics: [Diagnostic] = []
        var ends: [Int] = []
    }

    /// The objects of `environment.resources[range]`, each document also mapped with `derive`
    /// while it is still in the cache (the renderer serializes it here). ``join(_:_:)`` turns an
    /// environment's batches, in order, into its result.
    static func resolveBatch<Derived>(
        _ environment: Environment, _ range: Range<Int>, _ derive: (Value) -> Derived
    ) -> ResolvedBatch<Derived> {
        var batch = ResolvedBatch<Derived>()
        batch.objects.reserveCapacity(range.count)
        batch.derived.reserveCapacity(range.count)
        batch.ends.reserveCapacity(range.count)
        var context = ValidationContext(environment: environment.name)
        for original in environment.resources[range] {
            let resource = resolvedNamespace(of: original, in: environment)
            let kind = type(of: resource).kind
            let name = resource.metadata.name
            context.within(kind, name.isEmpty ? "<unnamed>" : name) { context in
                validateCommon(resource, in: &context)
                resource.validate(&context)
            }
            // The document is mapped here, while it is in the cache, and then dropped: holding
            // every object's tree until the end cost more memory (and page faults) than building
            // it again for the few readers that ask (``ResolvedObject/document``).
            batch.derived.append(derive(document(for: resource, context: &context)))
            batch.objects.append(ResolvedObject(resource: resource))
            batch.ends.append(context.diagnostics.diagnostics.count)
        }
        batch.diagnostics = context.diagnostics.diagnostics
        return batch
    }

    /// Joins an environment's batches in definition order (see ``ResolvedJoin``).
    static func join<Derived>(
        _ environment: Environment, _ batches: [ResolvedBatch<Derived>]
    ) -> (objects: [ResolvedObject], diagnostics: DiagnosticCollector, derived: [Derived]) {
        var joined = ResolvedJoin<Derived>(environment)
        for batch in batches { joined.append(batch) }
        return joined.finish()
    }

    private static func resolvedNamespace(of resource: any Resource, in environment: Environment) -> any Resource {
        var copy = resource
        copy.metadata.labels = environment.commonLabels.merging(copy.metadata.labels)
        if copy is Namespace, copy.metadata.name.isEmpty {
            copy.metadata.name = environment.namespace
        }
        if type(of: copy).isNamespaced {
            copy.metadata.namespace = copy.metadata.namespace ?? environment.namespace
        } else {
            copy.metadata.namespace = nil
        }
        return copy
    }

    private static func validateCommon(_ resource: any Resource, in context: inout ValidationContext) {
        let strictLabel = resource is Namespace || resource is Service
        context.checkName(resource.metadata.name, field: "metadata/name", label: strictLabel, at: resource.location)
        if let namespace = resource.metadata.namespace {
            context.checkName(namespace, field: "metadata/namespace", label: true, at: resource.location)
        }
        context.checkLabels(resource.metadata.labels, field: "metadata/labels", at: resource.location)
        context.checkAnnotations(resource.metadata.annotations, field: "metadata/annotations", at: resource.location)
    }

    /// The document of a resolved resource (`apiVersion`, `kind`, `metadata`, then the body), its
    /// overrides applied. Its findings were reported when the object was resolved.
    static func document(for resource: any Resource) -> Value {
        var scratch = ValidationContext(environment: "")
        return document(for: resource, context: &scratch)
    }

    private static func document(for resource: any Resource, context: inout ValidationContext) -> Value {
        let kind = type(of: resource).kind
        var fields = Fields()
        fields.add("apiVersion", type(of: resource).apiVersion)
        fields.add("kind", kind)
        fields.add("metadata", resource.metadata.value(namespace: resource.metadata.namespace))
        for (key, value) in resource.bodyFields() {
            fields.add(key, value, keepEmpty: true)
        }
        var document = Value.object(fields)
        for override in resource.overrides {
            context.within(kind, resource.metadata.name) { context in
                do throws(ValuePathError) {
                    document = try document.setting(override.value, at: override.path.split(separator: ".").map(String.init))
                    context.warning("override", "escape hatch sets '\(override.path)' outside the typed model", field: override.path.split(separator: ".").joined(separator: "/"), at: override.location)
                } catch {
                    context.error("override", "escape hatch path '\(override.path)' crosses '\(error.segment)', which is not an object", at: override.location)
                }
            }
        }
        return document
    }
}
