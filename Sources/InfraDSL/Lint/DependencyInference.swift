/// Who calls whom, read from what manifests say: the addresses in the workloads' environment
/// variables (literal, or from a ConfigMap key) and in the ConfigMaps they mount. Each address of a
/// Service in the cluster becomes a dependency the `reachability` check follows, with its evidence
/// (`from env CART_SERVICE_ADDR`), and each caller also needs the cluster DNS.
///
/// What counts as an address:
/// - a URL (`http://cartservice:7070/cart`), its port explicit or the scheme's (`http` 80,
///   `redis` 6379, `postgres` 5432...);
/// - `host:port` (`cartservice:7070`, `redis-cart:6379`), alone or in a comma-separated list;
/// - `NAME_HOST` with `NAME_PORT` in the same container;
/// - a host `name.namespace`, `name.namespace.svc` or `name.namespace.svc.cluster.local`.
///
/// A host is a Service of the cluster when it is written with its namespace as above, or is the name
/// of a Service in the caller's namespace, or is a bare name in a variable named as an address
/// (`*_ADDR`, `*_HOST`, `*_URL`...): then a missing Service is a finding. Other hosts (dotted names
/// outside the cluster, IP addresses, `localhost`) are not followed.
public enum DependencyInference {
    /// One address found, and where.
    struct Address: Hashable {
        let service: String
        let namespace: String
        let port: Int
        let evidence: String
        let location: SourceLocation
    }

    /// The dependencies the workloads of `objects` declare through their configuration, each
    /// caller's DNS included.
    public static func dependencies(in objects: [any Resource]) -> [EnvironmentContract.Dependency] {
        var services: [String: [Service]] = [:]
        var configMaps: [String: ConfigMap] = [:]
        for object in objects {
            let namespace = object.metadata.namespace ?? ""
            if let service = object as? Service { services["\(namespace)/\(service.metadata.name)", default: []].append(service) }
            if let configMap = object as? ConfigMap { configMaps["\(namespace)/\(configMap.metadata.name)"] = configMap }
        }
        let reader = Reader(services: services, configMaps: configMaps)
        var found: [EnvironmentContract.Dependency] = []
        var seen = Set<String>()
        for case let workload as any Workload in objects {
            let namespace = workload.metadata.namespace ?? ""
            let addresses = reader.addresses(of: workload, in: namespace)
            for address in addresses {
                let key = "\(workload.identity)|\(address.namespace)/\(address.service):\(address.port)"
                guard seen.insert(key).inserted else { continue }
                found.append(.init(
                    "\(address.service):\(address.port)", from: workload.podLabels,
                    to: .host("\(address.service).\(address.namespace).svc.cluster.local"), port: address.port,
                    evidence: address.evidence, location: address.location, caller: workload.identity))
            }
            if let first = addresses.first {
                found.append(.init(
                    "the cluster DNS", from: workload.podLabels, to: .pods(["k8s-app": "kube-dns"], in: .kubeSystem), port: 53,
                    transport: .udp, evidence: "needed to resolve \(first.service), \(first.evidence)", location: first.location,
                    caller: workload.identity))
            }
        }
        return found
    }

    /// Reads addresses out of one namespace's configuration.
    struct Reader {
        let services: [String: [Service]]
        let configMaps: [String: ConfigMap]

        func addresses(of workload: any Workload, in namespace: String) -> [Address] {
            var found: [Address] = []
            let template = workload.template
            for container in template.allContainers {
                var values: [(name: String, value: String, evidence: String, location: SourceLocation)] = []
                for variable in container.env {
                    switch variable.source {
                    case .literal(let value):
                        values.append((variable.name, value, "from env \(variable.name)", variable.location))
                    case .configMapKey(let name, let key):
                        if let value = configMaps["\(namespace)/\(name)"]?.data[key] {
                            values.append((variable.name, value, "from env \(variable.name) (ConfigMap \(name) key \(key))", variable.location))
                        }
                    case .secretKey, .field:
                        continue
                    }
                }
                for (name, value, evidence, location) in values {
                    let port = Self.pairedPort(of: name, among: values.map { ($0.name, $0.value) })
                    for (host, explicit) in Self.candidates(in: value, pairedPort: port) {
                        if let address = resolve(host, port: explicit, variable: name, namespace: namespace, evidence: evidence, location: location) {
                            found.append(address)
                        }
                    }
                }
            }
            // Configuration files: ConfigMaps the pods mount. Only hosts written with their
            // namespace, or naming a Service that exists, count: a file's words are not addresses.
            let mounted = Set(template.allContainers.flatMap(\.volumeMounts).map(\.volume))
            for volume in template.volumes where mounted.contains(volume.name) {
                guard case .configMap(let name, _) = volume.source, let configMap = configMaps["\(namespace)/\(name)"] else { continue }
                for entry in configMap.data.pairs {
                    for (host, port) in Self.candidates(in: entry.value, pairedPort: nil) where port != nil || host.contains(".") {
                        if let address = resolve(host, port: port, variable: nil, namespace: namespace,
                                                 evidence: "from ConfigMap \(name) key \(entry.key)", location: configMap.location) {
                            found.append(address)
                        }
                    }
                }
            }
            return found
        }

        /// The Service `host` names, when it is one (or should be one), with the port to reach.
        func resolve(_ host: String, port: Int?, variable: String?, namespace: String, evidence: String, location: SourceLocation) -> Address? {
            let parts = host.lowercased().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, Self.isDNSLabel(first), first != "localhost" else { return nil }
            let service: String, serviceNamespace: String
            switch parts.count {
            case 1:
                let exists = services["\(namespace)/\(first)"] != nil
                guard exists || variable.map(Self.namesAnAddress) == true else { return nil }
                (service, serviceNamespace) = (first, namespace)
            case 2 where services["\(parts[1])/\(first)"] != nil:
                (service, serviceNamespace) = (first, parts[1])
            case 3 where parts[2] == "svc", 5 where Array(parts[2...]) == ["svc", "cluster", "local"]:
                (service, serviceNamespace) = (first, parts[1])
            default:
                return nil
            }
            guard let port = port ?? onlyPort(of: service, in: serviceNamespace) else { return nil }
            return Address(service: service, namespace: serviceNamespace, port: port, evidence: evidence, location: location)
        }

        /// The one port a Service exposes, for an address without one.
        private func onlyPort(of service: String, in namespace: String) -> Int? {
            guard let ports = services["\(namespace)/\(service)"]?.first?.ports, ports.count == 1 else { return nil }
            return ports[0].port.number
        }

        /// Whether a variable's name says it holds an address.
        static func namesAnAddress(_ variable: String) -> Bool {
            let name = variable.uppercased()
            return ["_ADDR", "_ADDRESS", "_ADDRS", "_HOST", "_HOSTNAME", "_URL", "_URI", "_ENDPOINT", "_SERVICE", "_SERVER"].contains { name.hasSuffix($0) }
        }

        /// `NAME_PORT`'s value for a variable `NAME_HOST`.
        static func pairedPort(of variable: String, among values: [(String, String)]) -> Int? {
            guard variable.uppercased().hasSuffix("_HOST") else { return nil }
            let port = variable.dropLast(5) + "_PORT"
            return values.first { $0.0 == port }.flatMap { Int($0.1) }.flatMap(Self.validPort)
        }

        /// The (host, port) pairs a value holds: URLs, `host:port`, bare hosts.
        static func candidates(in value: String, pairedPort: Int?) -> [(String, Int?)] {
            var found: [(String, Int?)] = []
            let separators: Set<Character> = [" ", "\t", "\n", "\r", ",", ";", "\"", "'", "=", "(", ")", "[", "]", "{", "}", "<", ">"]
            for token in value.split(whereSeparator: { separators.contains($0) }) where token.count <= 253 {
                let text = String(token)
                if let schemeEnd = text.range(of: "://") {
                    let scheme = text[..<schemeEnd.lowerBound].lowercased()
                    var rest = text[schemeEnd.upperBound...]
                    if let at = rest.firstIndex(of: "@"), rest[..<at].allSatisfy({ $0 != "/" }) { rest = rest[rest.index(after: at)...] }
                    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
                    let (host, port) = split(String(authority))
                    guard !host.isEmpty else { continue }
                    found.append((host, port ?? defaultPorts[scheme]))
                } else {
                    let (host, port) = split(text)
                    if port != nil || text.firstIndex(of: ":") == nil {
                        found.append((host, port ?? pairedPort))
                    }
                }
            }
            return found
        }

        /// `host:port` → (host, port); a host alone → (host, nil).
        private static func split(_ authority: String) -> (String, Int?) {
            guard let colon = authority.lastIndex(of: ":") else { return (authority, nil) }
            let port = Int(authority[authority.index(after: colon)...]).flatMap(validPort)
            return port == nil ? ("", nil) : (String(authority[..<colon]), port)
        }

        private static func validPort(_ port: Int) -> Int? { (1...65535).contains(port) ? port : nil }

        static func isDNSLabel(_ text: String) -> Bool {
            guard let first = text.first, let last = text.last, text.count <= 63, first.isLetter, last != "-" else { return false }
            return text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        }

        /// The ports URL schemes imply.
        static let defaultPorts: [String: Int] = [
            "http": 80, "ws": 80, "https": 443, "wss": 443, "grpc": 80, "grpcs": 443, "redis": 6379, "rediss": 6379,
            "postgres": 5432, "postgresql": 5432, "mysql": 3306, "amqp": 5672, "amqps": 5671, "mongodb": 27017,
            "nats": 4222, "memcached": 11211,
        ]
    }
}
