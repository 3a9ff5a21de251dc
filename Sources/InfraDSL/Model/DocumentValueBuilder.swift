import KubernetesAPI

/// Builds a ``Value`` document from a generated object's ``DocumentSink`` events. Each open object
/// or array collects its entries in place on a stack; closing it moves them into its parent.
final class DocumentValueBuilder: DocumentSink {
    // Only this builder touches its stacks, one call at a time: the runtime's exclusivity checks
    // on class properties were a tenth of building.
    @exclusivity(unchecked) private var objects: [[(key: String, value: Value)]] = []
    @exclusivity(unchecked) private var arrays: [[Value]] = []
    /// Whether each open container, innermost last, is an object (else an array).
    @exclusivity(unchecked) private var openIsObject: [Bool] = []
    /// The key of the value about to be added to the innermost object.
    @exclusivity(unchecked) private var pendingKey = ""
    /// The pending key of each open container's parent, restored when the container closes.
    @exclusivity(unchecked) private var parentKeys: [String] = []
    @exclusivity(unchecked) private var result: Value = .emptyObject

    /// The document written so far: the outermost value, once it is closed.
    var document: Value { result }

    /// The document `object` writes (``Value/init(generated:)``).
    static func value(of object: some DocumentWritable) -> Value {
        let builder = DocumentValueBuilder()
        object.write(to: builder)
        return builder.result
    }

    func beginObject() {
        parentKeys.append(pendingKey)
        openIsObject.append(true)
        objects.append([])
    }

    func beginArray() {
        parentKeys.append(pendingKey)
        openIsObject.append(false)
        arrays.append([])
    }

    func key(_ key: String) { pendingKey = key }

    func endObject() {
        openIsObject.removeLast()
        pendingKey = parentKeys.removeLast()
        add(.object(Fields(entries: objects.removeLast())))
    }

    func endArray() {
        openIsObject.removeLast()
        pendingKey = parentKeys.removeLast()
        add(.array(arrays.removeLast()))
    }

    func string(_ value: String) { add(.string(value)) }
    func int(_ value: Int) { add(.int(value)) }
    func double(_ value: Double) { add(.double(value)) }
    func bool(_ value: Bool) { add(.bool(value)) }

    /// The document model has no null; free-form JSON's nulls are the only source. A null field means
    /// the same as an absent one to the API server, so it is left out; a null list item is an error
    /// of validation (``APIObjectValidation``) and is left out too.
    func null() {}

    private func add(_ value: Value) {
        switch openIsObject.last {
        case true?: objects[objects.count - 1].append((key: pendingKey, value: value))
        case false?: arrays[arrays.count - 1].append(value)
        case nil: result = value
        }
    }
}

extension Value {
    /// The document a generated object (or any ``DocumentWritable``) writes: what is rendered for it.
    ///
    /// ```swift
    /// let document = Value(generated: AppsV1.Deployment(metadata: .init(name: "web")))
    /// ```
    public init(generated object: some DocumentWritable) {
        self = DocumentValueBuilder.value(of: object)
    }
}

extension Value: DocumentWritable {
    /// The value as ``DocumentSink`` events, so a ``Value`` document and a generated object are
    /// written by the same writers.
    public func write(to sink: any DocumentSink) {
        switch self {
        case .string(let string): sink.string(string)
        case .int(let int): sink.int(int)
        case .double(let double): sink.double(double)
        case .bool(let bool): sink.bool(bool)
        case .array(let items):
            sink.beginArray()
            for item in items { item.write(to: sink) }
            sink.endArray()
        case .object(let fields):
            sink.beginObject()
            for (key, value) in fields {
                sink.key(key)
                value.write(to: sink)
            }
            sink.endObject()
        }
    }
}
