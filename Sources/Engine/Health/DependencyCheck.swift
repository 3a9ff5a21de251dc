/// One thing readiness depends on: a name for reports and metrics, and a check that throws when
/// the dependency does not answer.
struct DependencyCheck: Sendable {
    let name: String
    let check: @Sendable () async throws -> Void
}
