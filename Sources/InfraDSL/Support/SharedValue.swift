/// A value behind one reference, for model types that are copied far more often than they are
/// changed (pod templates, containers): a copy is one retain instead of one per field. A change
/// (``set(_:_:)``) writes in place when this is the box's only holder, as in a chain of modifiers
/// on a new value (`Container(...).resources(...).livenessProbe(...)`), and otherwise copies the
/// value into a new box, so no other holder sees it change. Equality compares the boxes first,
/// then the values.
struct SharedValue<Contents: Hashable & Sendable>: Hashable, Sendable {
    /// Sendable because its contents change only while one holder has it, so no other thread can
    /// be reading them.
    private final class Box: @unchecked Sendable {
        var contents: Contents
        init(_ contents: Contents) { self.contents = contents }
    }

    private var box: Box

    init(_ contents: Contents) { box = Box(contents) }

    /// The value.
    var contents: Contents { box.contents }

    /// Changes one field: in place if no one else holds the box, else in a new box.
    mutating func set<T>(_ keyPath: WritableKeyPath<Contents, T>, _ value: T) {
        if isKnownUniquelyReferenced(&box) {
            box.contents[keyPath: keyPath] = value
        } else {
            var contents = box.contents
            contents[keyPath: keyPath] = value
            box = Box(contents)
        }
    }

    static func == (lhs: SharedValue, rhs: SharedValue) -> Bool {
        lhs.box === rhs.box || lhs.box.contents == rhs.box.contents
    }

    func hash(into hasher: inout Hasher) { hasher.combine(box.contents) }
}
