/// Kubernetes' rules for names, label keys and label values (apimachinery's validation package).
public enum NameRules {
    /// A DNS-1123 label: at most 63 lower-case alphanumerics or `-`, starting and ending with an
    /// alphanumeric. Namespaces, Services and container and port names follow it.
    public static func dns1123LabelProblem(_ name: String) -> String? {
        isValidLabel(name) ? nil : dns1123LabelRules(name)
    }

    static func dns1123LabelRules(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.utf8.count > 63 { return "must be at most 63 characters (has \(name.utf8.count))" }
        guard name.utf8.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
            return "must consist of lower-case letters, digits and '-'"
        }
        guard let first = name.utf8.first, let last = name.utf8.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last)
        else { return "must start and end with a lower-case letter or digit" }
        return nil
    }

    /// A DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels. Most object
    /// names follow it.
    public static func dns1123SubdomainProblem(_ name: String) -> String? {
        isValidSubdomain(name) ? nil : dns1123SubdomainRules(name)
    }

    static func dns1123SubdomainRules(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.utf8.count > 253 { return "must be at most 253 characters (has \(name.utf8.count))" }
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            if let problem = dns1123LabelProblem(String(part)) {
                return "each dot-separated part " + problem
            }
        }
        return nil
    }

    /// A label value: empty, or at most 63 alphanumerics, `-`, `_`, `.`, starting and ending with an
    /// alphanumeric.
    public static func labelValueProblem(_ value: String) -> String? {
        value.isEmpty || isValidLabelValue(value) ? nil : labelValueRules(value)
    }

    static func labelValueRules(_ value: String) -> String? {
        if value.isEmpty { return nil }
        if value.utf8.count > 63 { return "must be at most 63 characters (has \(value.utf8.count))" }
        guard value.utf8.allSatisfy(isLabelValueByte) else {
            return "must consist of letters, digits, '-', '_' or '.'"
        }
        guard let first = value.utf8.first, let last = value.utf8.last, isAlphanumeric(first), isAlphanumeric(last)
        else { return "must start and end with a letter or digit" }
        return nil
    }

    /// A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a name of at
    /// most 63 characters under the label-value rules (non-empty).
    public static func qualifiedNameProblem(_ key: String) -> String? {
        isValidQualifiedName(key) ? nil : qualifiedNameRules(key)
    }

    static func qualifiedNameRules(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "must have at most one '/'" }
        if parts.count == 2, let problem = dns1123SubdomainProblem(String(parts[0])) {
            return "prefix " + problem
        }
        let name = String(parts[parts.count - 1])
        if name.isEmpty { return "name part must not be empty" }
        return labelValueProblem(name).map { "name part " + $0 }
    }

    // Tests of the same rules that only say yes or no, for the common case of a valid name: names
    // are checked for every object, and the rules above, which say what is wrong, only run for
    // invalid ones. The tests hold each equal to its rules (valid exactly when they find nothing).
    // Every allowed character is ASCII, so both work on UTF-8 bytes.
    private static let dot = UInt8(ascii: ".")

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// A string's bytes read in place (``Swift/String/withUTF8Bytes(_:)``), or a part of them.
    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func isValidLabel(_ name: String) -> Bool { name.withUTF8Bytes { isValidLabel($0[...]) } }
    static func isValidLabelValue(_ value: String) -> Bool { value.withUTF8Bytes { isValidLabelValue($0[...]) } }
    static func isValidSubdomain(_ name: String) -> Bool { name.withUTF8Bytes { isValidSubdomain($0[...]) } }
    static func isValidQualifiedName(_ key: String) -> Bool { key.withUTF8Bytes { isValidQualifiedName($0[...]) } }

    private static func isValidLabel(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63,
            isLowerAlphanumeric(first), isLowerAlphanumeric(last)
        else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isValidLabelValue(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63,
            isAlphanumeric(first), isAlphanumeric(last)
        else { return false }
        return bytes.allSatisfy(isLabelValueByte)
    }

    private static func isLabelValueByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == dot
    }

    private static func isValidSubdomain(_ bytes: Bytes) -> Bool {
        guard bytes.count <= 253 else { return false }
        // Label by label, in place (splitting would allocate an array of them).
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: dot) ?? bytes.endIndex
            guard isValidLabel(bytes[start..<end]) else { return false }
            guard end < bytes.endIndex else { return true }
            start = end + 1
        }
    }

    private static func isValidQualifiedName(_ bytes: Bytes) -> Bool {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return isValidLabelValue(bytes) }
        let name = bytes[(slash + 1)...]
        return !name.contains(UInt8(ascii: "/")) && isValidLabelValue(name) && isValidSubdomain(bytes[..<slash])
    }
}
