/// Units encode as their canonical strings (`"500m"`, `"4Gi"`, `"1s"`) and decode from any exact
/// spelling of the same amount, so a config file reads like a manifest and still cannot hold `4 Gi`.
extension CPU: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let milli = QuantityParser.milliUnits(text), milli <= Int64(Int.max) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a CPU quantity such as 500m or 2"))
        }
        self = .millicores(Int(milli))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(quantity)
    }
}

extension ByteQuantity {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let bytes = QuantityParser.bytes(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a byte quantity such as 512Mi, 4Gi or 100M"))
        }
        self.init(exactBytes: bytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(quantity)
    }
}

extension Memory: Codable {}
extension Storage: Codable {}

extension Seconds: Codable {
    /// Decodes `"30s"`, `"5m"` or `"1h"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        guard let unit = text.last, let factor = units[unit], let count = Int(text.dropLast()), count >= 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a duration such as 1s, 5m or 1h"))
        }
        self.init(count * factor)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }

    /// The largest whole unit: `1h`, `5m`, `90s`.
    public var canonical: String {
        if seconds != 0, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds != 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}

extension Port: Codable {
    /// Decodes an integer in 1...65535; anything else is an error naming the field.
    public init(from decoder: any Decoder) throws {
        let number = try decoder.singleValueContainer().decode(Int.self)
        guard (1...65535).contains(number) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "port \(number) is outside 1...65535"))
        }
        self.init(number)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(number)
    }
}
