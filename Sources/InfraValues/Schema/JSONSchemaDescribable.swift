/// A type that states its own JSON Schema, for leaf types whose encoded form is not their structure
/// (units encoded as strings, string enums). Structs need nothing: ``JSONSchemaGenerator`` derives
/// their schema from their `Decodable` conformance.
public protocol JSONSchemaDescribable {
    /// The schema of the encoded form.
    static var jsonSchema: Value { get }
    /// Any valid value, used while the generator walks the type.
    static var schemaExample: Self { get }
}

extension JSONSchemaDescribable where Self: CaseIterable & RawRepresentable, RawValue == String {
    /// A string enum: exactly its raw values.
    public static var jsonSchema: Value {
        ["type": "string", "enum": .array(allCases.map { .string($0.rawValue) })]
    }

    public static var schemaExample: Self { allCases.first! }
}

extension CPU: JSONSchemaDescribable {
    public static var jsonSchema: Value {
        ["type": "string", "pattern": "^([0-9]+m|[0-9]+(\\\\.[0-9]{1,3})?)$", "description": "CPU quantity, such as 500m or 2"]
    }
    public static var schemaExample: CPU { .cores(1) }
}

extension Memory: JSONSchemaDescribable {
    public static var jsonSchema: Value { byteQuantitySchema }
    public static var schemaExample: Memory { .gi(1) }
}

extension Storage: JSONSchemaDescribable {
    public static var jsonSchema: Value { byteQuantitySchema }
    public static var schemaExample: Storage { .gi(1) }
}

private let byteQuantitySchema: Value = [
    "type": "string", "pattern": "^[0-9]+(\\\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T)?$",
    "description": "byte quantity, such as 512Mi, 4Gi or 100M",
]

extension Seconds: JSONSchemaDescribable {
    public static var jsonSchema: Value {
        ["type": "string", "pattern": "^[0-9]+[smh]$", "description": "duration, such as 1s, 5m or 1h"]
    }
    public static var schemaExample: Seconds { 1 }
}

extension Port: JSONSchemaDescribable {
    public static var jsonSchema: Value { ["type": "integer", "minimum": 1, "maximum": 65535] }
    public static var schemaExample: Port { 8080 }
}
