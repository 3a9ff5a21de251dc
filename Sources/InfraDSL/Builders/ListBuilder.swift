/// The shared shape of every builder: a list of parts, with `if`, `if/else`, optionals and `for`
/// loops lowering to concatenation. Each context declares its own builder (its own `Part` type and
/// `buildExpression` overloads), so a value written in the wrong place does not compile.
public protocol ListBuilder {
    associatedtype Part
}

extension ListBuilder {
    public static func buildBlock(_ parts: [Part]...) -> [Part] { parts.flatMap { $0 } }
    public static func buildOptional(_ parts: [Part]?) -> [Part] { parts ?? [] }
    public static func buildEither(first parts: [Part]) -> [Part] { parts }
    public static func buildEither(second parts: [Part]) -> [Part] { parts }
    public static func buildArray(_ parts: [[Part]]) -> [Part] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ parts: [Part]) -> [Part] { parts }
    public static func buildExpression(_ part: Part) -> [Part] { [part] }
    public static func buildExpression(_ part: Part?) -> [Part] { part.map { [$0] } ?? [] }
    public static func buildExpression(_ parts: [Part]) -> [Part] { parts }
}
