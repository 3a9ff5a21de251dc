/// Why the engine refuses to start: printed once to standard error, then the process exits with
/// ``exitCode`` (78, `EX_CONFIG` from sysexits.h) before anything listens or connects.
struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The exit status of a configuration error.
    static let exitCode: Int32 = 78

    /// One line naming the file and line, or the variable, at fault and what is wrong.
    let description: String

    init(_ description: String) { self.description = description }
}
