/// Every per-environment semantic check, in the order they run. `ParityCheck` runs across
/// environments.
public enum Checks {
    public static let all: [any EnvironmentCheck.Type] = [
        CapacityCheck.self, ReachabilityCheck.self, SelectorCheck.self, ReferenceCheck.self, PortCheck.self,
        WritablePathCheck.self, PrivilegeCheck.self, SecretCheck.self, AvailabilityCheck.self, PerformanceCheck.self,
        ImagePinningCheck.self,
    ]

    /// The findings of every check over one environment's resolved objects. (Rendering runs the
    /// checks of all environments as tasks of one parallel pass; see ``EnvironmentRenderer``.)
    public static func run(on environment: Environment, objects: [any Resource]) -> [Diagnostic] {
        let context = CheckContext(environment: environment, objects: objects)
        return all.flatMap { run($0, in: context) }
    }

    /// The findings of one check. Checks only read the context, so one context serves every check
    /// of its environment, each on its own copy.
    static func run(_ check: any EnvironmentCheck.Type, in context: CheckContext) -> [Diagnostic] {
        var context = context
        context.check = check.id
        check.run(&context)
        return context.diagnostics.diagnostics
    }
}
