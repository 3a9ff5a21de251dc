/// One value that decodes but is out of range, named by its dotted field path.
public struct ConstraintViolation: Sendable, Hashable, CustomStringConvertible {
    /// The dotted path of the field, such as `database.pool_size`.
    public let field: String
    /// What is wrong with it.
    public let message: String
    /// The line that set the value, when the value knows it (a config written in Swift).
    public let location: SourceLocation?

    /// A violation of `field`, set at `location` when known.
    public init(field: String, message: String, location: SourceLocation? = nil) {
        self.field = field
        self.message = message
        self.location = location
    }

    public var description: String { "\(field): \(message)" }
}

/// A decodable type with rules its fields' types cannot express (ranges, relations between
/// fields). ``StrictYAMLDecoder`` reports the first violation with the line of the field.
public protocol ValueConstraints {
    /// Every rule this value breaks, in field order; empty when it is valid.
    func constraintViolations() -> [ConstraintViolation]
}
