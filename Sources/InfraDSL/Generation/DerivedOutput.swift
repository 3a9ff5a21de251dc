/// Files an environment makes from its own resolved objects, written under `directory`.
public struct DerivedOutput: Sendable {
    public let directory: String
    public let location: SourceLocation
    public let make: @Sendable ([ResolvedObject]) throws -> [(path: String, contents: String)]
}
