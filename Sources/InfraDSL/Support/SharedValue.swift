/// An immutable value behind one reference, for model types that are copied far more often than
/// they are changed (pod templates, containers): a copy is one retain instead of one per field.
/// A change makes a new box (``with(_:_:)``); equality compares the boxes first, then the values.
struct SharedValue<Contents: Hashable & Sendable>: Hashable, Sendable {
    private final class Box: Sendable {
        let contents: Contents
        init(_ contents: Contents) { self.contents = contents }
    }

    private let box: Box

    init(_ contents: Contents) { box = Box(contents) }

    /// The value.
    var contents: Contents { box.contents }

    /// The value with one field changed, in a new box.
    func with<T>(_ keyPath: WritableKeyPath<Contents, T>, _ value: T) -> SharedValue {
        var contents = box.contents
        contents[keyPath: keyPath] = value
        return SharedValue(contents)
    }

    static func == (lhs: SharedValue, rhs: SharedValue) -> Bool {
        lhs.box === rhs.box || lhs.box.contents == rhs.box.contents
    }

    func hash(into hasher: inout Hasher) { hasher.combine(box.contents) }
}
