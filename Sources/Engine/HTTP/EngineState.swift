/// What the request handlers share: the settings, the readiness board, the metrics and the
/// fingerprint of the config file as read.
struct EngineState: Sendable {
    let settings: RuntimeSettings
    /// SHA-256 of the config file's canonical JSON, before environment overrides: equal to the
    /// `infradsl.io/config-sha256` annotation `gen` put on the pod template.
    let fileFingerprint: String
    let board: ReadinessBoard
    let metrics: EngineMetrics
}
