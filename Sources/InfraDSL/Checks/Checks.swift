/// Every per-environment semantic check, in the order they run. `ParityCheck` runs across
/// environments.
public enum Checks {
    public static let all: [any EnvironmentCheck.Type] = [
        CapacityCheck.self, ReachabilityCheck.self, SelectorCheck.self, ReferenceCheck.self, PortCheck.self,
        WritablePathCheck.self, PrivilegeCheck.self, SecretCheck.self, AvailabilityCheck.self,
    ]

    /// The findings of every check over one environment's resolved objects.
    public static func run(on environment: Environment, objects: [any Resource]) -> [Diagnostic] {
        var context = CheckContext(environment: environment, objects: objects)
        for check in all {
            context.check = check.id
            check.run(&context)
        }
        return context.diagnostics.diagnostics
    }
}
