/// Receives a generated object as a stream of values in rendering order: how a renderer builds its
/// own document from an object without going through `Encoder`, whose per-field dynamic casts cost
/// several times the rest of rendering.
///
/// Calls are balanced: each `beginObject` has its `endObject`, each `beginArray` its `endArray`, and
/// inside an object every value follows its `key` (or `plainKey`).
public protocol DocumentSink: AnyObject {
    func beginObject()
    func key(_ key: String)
    /// A key that every YAML reader reads back as itself when it is written without quotes, so a
    /// writer need not check it: ASCII letters and digits, starting with a letter, and no word
    /// that YAML 1.1 or 1.2 reads as a boolean or null (`yes`, `on`, `null`, ...). Generated code
    /// passes its field names here when they are such keys, any other key through ``key(_:)``. By
    /// default, the same as ``key(_:)``.
    func plainKey(_ key: String)
    func endObject()
    func beginArray()
    func endArray()
    func string(_ value: String)
    func int(_ value: Int)
    func double(_ value: Double)
    func bool(_ value: Bool)
    func null()
}

/// A value that writes itself into a ``DocumentSink``. Every generated struct and enum is one: a
/// struct writes its fields in the order they are declared, absent optionals left out. This is the
/// generated types' only way out (they are not `Encodable`).
public protocol DocumentWritable {
    func write(to sink: any DocumentSink)
}

extension DocumentSink {
    public func plainKey(_ key: String) { self.key(key) }
}

extension DocumentWritable {
    /// The field's key, then the value: how a generated struct writes an optional field that is set,
    /// reading it in place (`spec?.writeField("spec", to: sink)`).
    @inlinable public func writeField(_ key: String, to sink: any DocumentSink) {
        sink.key(key)
        write(to: sink)
    }

    /// ``writeField(_:to:)`` for a key ``DocumentSink/plainKey(_:)`` takes.
    @inlinable public func writeField(plainKey key: String, to sink: any DocumentSink) {
        sink.plainKey(key)
        write(to: sink)
    }
}

extension Quantity: DocumentWritable {
    public func write(to sink: any DocumentSink) { sink.string(text) }
}

extension IntOrString: DocumentWritable {
    public func write(to sink: any DocumentSink) {
        switch self {
        case .int(let number): sink.int(number)
        case .string(let text): sink.string(text)
        }
    }
}

extension JSONValue: DocumentWritable {
    public func write(to sink: any DocumentSink) {
        switch self {
        case .null: sink.null()
        case .bool(let value): sink.bool(value)
        case .int(let value): sink.int(value)
        case .double(let value): sink.double(value)
        case .string(let value): sink.string(value)
        case .array(let items):
            sink.beginArray()
            for item in items { item.write(to: sink) }
            sink.endArray()
        case .object(let entries):
            sink.beginObject()
            for (key, item) in entries {
                sink.key(key)
                item.write(to: sink)
            }
            sink.endObject()
        }
    }
}
