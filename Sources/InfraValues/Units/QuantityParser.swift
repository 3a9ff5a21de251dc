/// Parses Kubernetes quantities exactly (no floating point): `500m`, `2`, `1.5`, `4Gi`, `100M`.
package enum QuantityParser {
    private static let binary: [(String, Int64)] = [("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40), ("Pi", 1 << 50)]
    private static let decimal: [(String, Int64)] = [("k", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000)]

    /// The amount in thousandths of a unit (`500m` → 500, `2` → 2000), or nil if it is not an exact
    /// plain or milli quantity.
    package static func milliUnits(_ text: String) -> Int64? {
        if text.hasSuffix("m") { return integer(String(text.dropLast())) }
        return scaled(text, by: 1_000)
    }

    /// The amount in bytes (`4Gi`, `100M`, `1024`), or nil if it is not a whole number of bytes.
    package static func bytes(_ text: String) -> Int64? {
        for (suffix, factor) in binary + decimal where text.hasSuffix(suffix) {
            return scaled(String(text.dropLast(suffix.count)), by: factor)
        }
        return integer(text)
    }

    /// `number × factor` when that is whole; the number may have a fractional part.
    private static func scaled(_ number: String, by factor: Int64) -> Int64? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = integer(String(parts[0])) else { return nil }
        var result = whole.multipliedReportingOverflow(by: factor)
        guard !result.overflow else { return nil }
        if parts.count == 2 {
            let fraction = String(parts[1])
            guard !fraction.isEmpty, fraction.count <= 18, let digits = integer(fraction) else { return nil }
            var divisor: Int64 = 1
            for _ in 0..<fraction.count { divisor *= 10 }
            let product = digits.multipliedReportingOverflow(by: factor)
            guard !product.overflow, product.partialValue % divisor == 0 else { return nil }
            result.partialValue += product.partialValue / divisor
        }
        return result.partialValue
    }

    private static func integer(_ text: String) -> Int64? {
        guard !text.isEmpty, text.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int64(text)
    }
}
