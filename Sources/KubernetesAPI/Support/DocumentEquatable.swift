/// A value that is equal to another when both write the same document: the same fields in the same
/// order, with equal scalars. Every generated struct is one, so the compiler writes no `==` of its
/// own for each of them (a fifth of the generated module's compile time); comparing generated
/// objects is rare (a patch's effect, an "is it empty" test while building one).
///
/// ```swift
/// CoreV1.PodSecurityContext(runAsNonRoot: true) == CoreV1.PodSecurityContext() // false
/// ```
public protocol DocumentEquatable: Equatable, DocumentWritable {}

extension DocumentEquatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        DocumentEvents(lhs).events == DocumentEvents(rhs).events
    }
}

/// What a value writes into a ``DocumentSink``, recorded in order.
final class DocumentEvents: DocumentSink {
    enum Event: Equatable {
        case beginObject, endObject, beginArray, endArray, null
        case key(String)
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
    }

    private(set) var events: [Event] = []

    // Left unoptimized: a release build would otherwise specialize every generated `write(to:)`
    // for this sink (the sink is a concrete type of the same module), adding half a megabyte of
    // copies of the module's writing code for a comparison that is rarely made.
    @_optimize(none) init(_ value: any DocumentWritable) {
        value.write(to: self)
    }

    func beginObject() { events.append(.beginObject) }
    func key(_ key: String) { events.append(.key(key)) }
    func endObject() { events.append(.endObject) }
    func beginArray() { events.append(.beginArray) }
    func endArray() { events.append(.endArray) }
    func string(_ value: String) { events.append(.string(value)) }
    func int(_ value: Int) { events.append(.int(value)) }
    func double(_ value: Double) { events.append(.double(value)) }
    func bool(_ value: Bool) { events.append(.bool(value)) }
    func null() { events.append(.null) }
}
