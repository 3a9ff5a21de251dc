/// The shared shape of every builder: a list of parts, with `if`, `if/else`, optionals and `for`
/// loops lowering to concatenation. Each context declares its own builder (its own `Part` type and
/// `buildExpression` overloads), so a value written in the wrong place does not compile.
public protocol ListBuilder {
    associatedtype Part
}

// Inlinable, so each builder's calls are specialized where the builder is used (no generic
// metadata lookups at run time for every block of every object).
extension ListBuilder {
    @inlinable public static func buildBlock(_ parts: [Part]...) -> [Part] { concatenated(parts) }
    @inlinable public static func buildOptional(_ parts: [Part]?) -> [Part] { parts ?? [] }
    @inlinable public static func buildEither(first parts: [Part]) -> [Part] { parts }
    @inlinable public static func buildEither(second parts: [Part]) -> [Part] { parts }
    @inlinable public static func buildArray(_ parts: [[Part]]) -> [Part] { concatenated(parts) }
    @inlinable public static func buildLimitedAvailability(_ parts: [Part]) -> [Part] { parts }
    @inlinable public static func buildExpression(_ part: Part) -> [Part] { [part] }
    @inlinable public static func buildExpression(_ part: Part?) -> [Part] { part.map { [$0] } ?? [] }
    @inlinable public static func buildExpression(_ parts: [Part]) -> [Part] { parts }

    /// The lists one after another: a single list as it is (no copy of its parts), several copied
    /// in bulk into one allocation.
    @inlinable public static func concatenated(_ lists: [[Part]]) -> [Part] {
        if lists.count == 1 { return lists[0] }
        var parts: [Part] = []
        parts.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { parts.append(contentsOf: list) }
        return parts
    }
}
