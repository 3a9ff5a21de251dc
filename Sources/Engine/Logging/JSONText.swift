import InfraValues

/// JSON string escaping for log lines and small hand-built documents.
enum JSONText {
    /// `text` as a quoted JSON string (the canonical renderer's escaping).
    static func quoted(_ text: String) -> String { CanonicalJSON.render(.string(text)) }
}
