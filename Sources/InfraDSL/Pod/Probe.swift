import KubernetesAPI

/// What a probe or lifecycle hook does.
///
/// A network handler names its port by the ``ContainerPort`` value the container declares
/// (`.httpGet(path: "/ready", port: http)`): a bare number or name does not compile, so a probe
/// cannot drift from the port it checks. (Manifests read by `gen lint` keep what they say.)
public struct Handler: Hashable, Sendable {
    /// The action, as manifests spell it.
    enum Action: Hashable, Sendable {
        case httpGet(path: String, port: PortReference, scheme: String?)
        case tcpSocket(port: PortReference)
        case exec([String])
        case sleep(Seconds)
    }

    let action: Action

    /// An HTTP GET on a port the container declares; healthy on 200-399.
    public static func httpGet(path: String, port: ContainerPort, scheme: String? = nil) -> Handler {
        Handler(action: .httpGet(path: path, port: PortReference(port), scheme: scheme))
    }

    /// A TCP connect to a port the container declares.
    public static func tcpSocket(port: ContainerPort) -> Handler { Handler(action: .tcpSocket(port: PortReference(port))) }

    /// A command run in the container; healthy on exit 0.
    public static func exec(_ command: [String]) -> Handler { Handler(action: .exec(command)) }

    /// A pause (lifecycle hooks only; Kubernetes 1.30+).
    public static func sleep(_ duration: Seconds) -> Handler { Handler(action: .sleep(duration)) }

    /// An HTTP GET on a port as a manifest names it (a number or a name), for what `gen lint` reads.
    static func httpGet(path: String, reading port: PortReference, scheme: String?) -> Handler {
        Handler(action: .httpGet(path: path, port: port, scheme: scheme))
    }

    /// A TCP connect to a port as a manifest names it.
    static func tcpSocket(reading port: PortReference) -> Handler { Handler(action: .tcpSocket(port: port)) }

    /// The port a network handler targets, if any.
    public var port: PortReference? {
        switch action {
        case .httpGet(_, let port, _), .tcpSocket(let port): return port
        case .exec, .sleep: return nil
        }
    }
}

extension Handler {
    /// The handler as a container lifecycle hook in the generated API.
    var lifecycleHandler: CoreV1.LifecycleHandler {
        var handler = CoreV1.LifecycleHandler()
        switch action {
        case .httpGet(let path, let port, let scheme):
            handler.httpGet = CoreV1.HTTPGetAction(path: path, port: port.generated, scheme: scheme.map(CoreV1.URIScheme.init(rawValue:)))
        case .tcpSocket(let port):
            handler.tcpSocket = CoreV1.TCPSocketAction(port: port.generated)
        case .exec(let command):
            handler.exec = CoreV1.ExecAction(command: command)
        case .sleep(let seconds):
            handler.sleep = CoreV1.SleepAction(seconds: seconds.seconds)
        }
        return handler
    }
}

/// A liveness, readiness or startup probe with every timing field Kubernetes has.
public struct Probe: Hashable, Sendable {
    /// What the probe does.
    public let handler: Handler
    /// Wait before the first probe.
    public let initialDelay: Seconds?
    /// Time between probes.
    public let period: Seconds?
    /// Time before one probe counts as failed.
    public let timeout: Seconds?
    /// Failures in a row that count as down.
    public let failureThreshold: Int?
    /// Successes in a row that count as up.
    public let successThreshold: Int?
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A probe; nil timings keep Kubernetes' defaults.
    public init(
        _ handler: Handler, initialDelay: Seconds? = nil, period: Seconds? = nil, timeout: Seconds? = nil,
        failureThreshold: Int? = nil, successThreshold: Int? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.handler = handler
        self.initialDelay = initialDelay
        self.period = period
        self.timeout = timeout
        self.failureThreshold = failureThreshold
        self.successThreshold = successThreshold
        location = SourceLocation(file, line)
    }

    func validate(_ context: inout ValidationContext, field: String) {
        if case .sleep = handler.action {
            context.error("probe", "a probe cannot sleep; use httpGet, tcpSocket or exec", field: field, at: location)
        }
        if let timeout, let period, timeout > period {
            context.warning("probe", "timeout \(timeout) is longer than the period \(period)", field: field, at: location)
        }
        if let count = failureThreshold, count < 1 {
            context.error("probe", "failureThreshold must be at least 1 (is \(count))", field: "\(field)/failureThreshold", at: location)
        }
        if let count = successThreshold, count < 1 {
            context.error("probe", "successThreshold must be at least 1 (is \(count))", field: "\(field)/successThreshold", at: location)
        }
    }
}

extension Probe {
    /// The probe in the generated API.
    public var generated: CoreV1.Probe {
        // A probe acts as a lifecycle hook does, except that it cannot sleep (validation rejects that).
        let action = handler.lifecycleHandler
        var probe = CoreV1.Probe(httpGet: action.httpGet, tcpSocket: action.tcpSocket, exec: action.exec)
        probe.initialDelaySeconds = initialDelay?.seconds
        probe.timeoutSeconds = timeout?.seconds
        probe.periodSeconds = period?.seconds
        probe.successThreshold = successThreshold
        probe.failureThreshold = failureThreshold
        return probe
    }
}
