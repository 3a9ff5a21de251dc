import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// A connection failure in a few words (`connection refused`), not NIO's nested error values.
func connectionErrorText(_ error: any Error) -> String {
    if let failure = error as? NIOConnectionError, let first = failure.connectionErrors.first {
        if let io = first.error as? IOError { return "connect: \(describeErrno(io.errnoCode))" }
        return "connect: \(first.error)"
    }
    if let io = error as? IOError { return describeErrno(io.errnoCode) }
    return "\(error)"
}

private func describeErrno(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
}
