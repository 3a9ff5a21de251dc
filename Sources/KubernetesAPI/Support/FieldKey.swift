/// The coding key every generated type decodes its fields with: the field's JSON name, written as a
/// string literal (`container.decode(Int.self, forKey: "replicas")`). One shared key type instead of
/// a synthesized `CodingKeys` enumeration per struct keeps the generated module fast to compile.
public struct FieldKey: CodingKey, ExpressibleByStringLiteral, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { self.stringValue = value }
}
