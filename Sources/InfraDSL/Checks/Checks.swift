/// Every per-environment semantic check, in the order they run. `ParityCheck` runs across
/// environments.
public enum Checks {
    public static let all: [any EnvironmentCheck.Type] = [
        CapacityCheck.self, ReachabilityCheck.self, SelectorCheck.self, ReferenceCheck.self, PortCheck.self,
        WritablePathCheck.self, PrivilegeCheck.self, SecretCheck.self, AvailabilityCheck.self,
    ]

    /// The findings of every check over one environment's resolved objects.
    public static func run(on environment: Environment, objects: [any Resource]) -> [Diagnostic] {
        runAll([(environment, objects)])[0]
    }

    /// ``run(on:objects:)`` for several environments at once. Checks only read the context (its
    /// indexes are built once per environment), so every check of every environment runs as its
    /// own task; each environment's findings come back in check order, as if run one by one.
    public static func runAll(_ inputs: [(environment: Environment, objects: [any Resource])]) -> [[Diagnostic]] {
        let contexts = Parallel.map(count: inputs.count) { index in
            CheckContext(environment: inputs[index].environment, objects: inputs[index].objects)
        }
        let checks = all
        let findings = Parallel.map(count: inputs.count * checks.count) { index in
            run(checks[index % checks.count], in: contexts[index / checks.count])
        }
        return inputs.indices.map { environment in
            findings[(environment * checks.count)..<((environment + 1) * checks.count)].flatMap { $0 }
        }
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
