import KubernetesAPI
/// Turns an ``Environment`` into validated, namespace-resolved objects with their documents.
public enum EnvironmentResolver {
    /// Resolves and validates every object; the diagnostics say whether the result may be written.
    public static func resolve(_ environment: Environment) -> (objects: [ResolvedObject], diagnostics: DiagnosticCollector) {
        resolveAll([environment])[0]
    }

    /// ``resolve(_:)`` for several environments at once, as one graph of tasks over every core
    /// (see ``addResolution(of:group:to:deriving:)``). The result is the same as resolving them
    /// one by one.
    public static func resolveAll(_ environments: [Environment]) -> [(objects: [ResolvedObject], diagnostics: DiagnosticCollector)] {
        let graph = TaskGraph()
        let resolutions = environments.enumerated().map { index, environment in
            addResolution(of: environment, group: index, to: graph) { _ in () }
        }
        graph.run()
        return resolutions.map { ($0.objects.take(0), $0.diagnostics.take(0)) }
    }

    /// What ``addResolution(of:group:to:deriving:)``'s last task stores: the objects in apply
    /// order, the findings in definition order, and each object's derived value in the objects'
    /// order.
    struct Resolution<Derived: Sendable>: Sendable {
        let objects: TaskOutputs<[ResolvedObject]>
        let diagnostics: TaskOutputs<DiagnosticCollector>
        let derived: TaskOutputs<[Derived]>
        /// The last task; what depends on the resolved objects runs after it.
        let done: TaskGraph.Task
    }

    /// Adds the tasks that resolve `environment` to `graph`, in `group`: its batches of objects,
    /// each resolved and its objects mapped with `derive` while they are in the cache (the
    /// renderer serializes them there); each batch joined (``ResolvedJoin``) as soon as it and
    /// the batches before it are, so the join runs beside the resolving of the later batches;
    /// then the objects put in apply order.
    static func addResolution<Derived: Sendable>(
        of environment: Environment, group: Int, to graph: TaskGraph, deriving derive: @escaping @Sendable (any Resource) -> Derived
    ) -> Resolution<Derived> {
        let ranges = batchRanges(of: environment)
        let batches = TaskOutputs<ResolvedBatch<Derived>>(count: ranges.count)
        let joining = JoinInProgress(ResolvedJoin<Derived>(environment))
        var previous: [TaskGraph.Task] = []
        for (batch, range) in ranges.enumerated() {
            let resolve = graph.add(group: group) {
                batches.set(batch, resolveBatch(environment, range, derive))
            }
            previous = [graph.add(group: group, after: [resolve] + previous) {
                joining.join!.append(batches.take(batch))
            }]
        }
        let objects = TaskOutputs<[ResolvedObject]>(count: 1)
        let diagnostics = TaskOutputs<DiagnosticCollector>(count: 1)
        let derived = TaskOutputs<[Derived]>(count: 1)
        let done = graph.add(group: group, after: previous) {
            // Taken out, so this task frees the join's working state, not the end of the graph.
            let joined = joining.join.take()!.finish()
            objects.set(0, joined.objects)
            diagnostics.set(0, joined.diagnostics)
            derived.set(0, joined.derived)
        }
        return Resolution(objects: objects, diagnostics: diagnostics, derived: derived, done: done)
    }

    /// An environment's join, which the chain of its join tasks (one after another) extends.
    private final class JoinInProgress<Derived: Sendable>: @unchecked Sendable {
        var join: ResolvedJoin<Derived>?
        init(_ join: ResolvedJoin<Derived>) { self.join = join }
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
    /// while it is still in the cache (the renderer serializes it here). ``ResolvedJoin`` joins an
    /// environment's batches, in order, into its result.
    static func resolveBatch<Derived>(
        _ environment: Environment, _ range: Range<Int>, _ derive: (any Resource) -> Derived
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
            // The object is mapped (serialized) here, while it is in the cache; no document tree is
            // kept: holding every object's tree until the end cost more memory (and page faults)
            // than building it again for the few readers that ask (``ResolvedObject/document``).
            batch.derived.append(derive(resource))
            batch.objects.append(ResolvedObject(resource: resource))
            batch.ends.append(context.diagnostics.diagnostics.count)
        }
        batch.diagnostics = context.diagnostics.diagnostics
        return batch
    }

    private static func resolvedNamespace(of resource: any Resource, in environment: Environment) -> any Resource {
        var copy = resource
        copy.metadata.labels = environment.commonLabels.merging(copy.metadata.labels)
        // The exact type compared, not cast: a cast searches the type's conformances.
        if type(of: copy) == Namespace.self, copy.metadata.name.isEmpty {
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
        // Read once: each read through the existential copies the whole metadata.
        let metadata = resource.metadata
        let location = resource.location
        let strictLabel = type(of: resource) == Namespace.self || type(of: resource) == Service.self
        context.checkName(metadata.name, field: "metadata/name", label: strictLabel, at: location)
        if let namespace = metadata.namespace {
            context.checkName(namespace, field: "metadata/namespace", label: true, at: location)
        }
        context.checkLabels(metadata.labels, field: "metadata/labels", at: location)
        context.checkAnnotations(metadata.annotations, field: "metadata/annotations", at: location)
    }

    /// The document of a resolved resource (`apiVersion`, `kind`, `metadata`, then the body).
    static func document(for resource: any Resource) -> Value {
        let builder = DocumentValueBuilder()
        write(resource, to: builder)
        return builder.document
    }

    /// The document of a resolved resource as ``DocumentSink`` events: what every format is
    /// written from (YAML straight from the events, JSON and the readers of ``document(for:)``
    /// through a ``Value``).
    static func write(_ resource: any Resource, to sink: any DocumentSink) {
        sink.beginObject()
        sink.plainKey("apiVersion")
        sink.string(type(of: resource).apiVersion)
        sink.plainKey("kind")
        sink.string(type(of: resource).kind)
        sink.plainKey("metadata")
        resource.metadata.write(to: sink)
        resource.writeBody(to: sink)
        sink.endObject()
    }
}
