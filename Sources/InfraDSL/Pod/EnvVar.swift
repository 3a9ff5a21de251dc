import KubernetesAPI

/// An environment variable of a container: a literal value or a reference to a Secret, ConfigMap
/// or pod field.
public struct EnvVar: Hashable, Sendable {
    /// Where the value of an environment variable comes from.
    public enum Source: Hashable, Sendable {
        /// A literal value, visible in the manifest.
        case literal(String)
        /// A key of a Secret.
        case secretKey(secret: String, key: String)
        /// A key of a ConfigMap.
        case configMapKey(configMap: String, key: String)
        /// A field of the pod, such as `metadata.name` or `status.podIP`.
        case field(path: String)
    }

    /// The variable's name.
    public let name: String
    /// Where its value comes from.
    public let source: Source
    /// Where it was written.
    public internal(set) var location: SourceLocation

    /// A literal value: `EnvVar("LOG_LEVEL", "warn")`.
    public init(_ name: String, _ value: String, file: StaticString = #filePath, line: UInt = #line) {
        self.init(name, from: .literal(value), file: file, line: line)
    }

    /// A value from a source: `EnvVar("DATABASE_PASSWORD", from: .secretKey(secret: "db", key: "password"))`.
    public init(_ name: String, from source: Source, file: StaticString = #filePath, line: UInt = #line) {
        self.name = name
        self.source = source
        location = SourceLocation(file, line)
    }
}

extension EnvVar {
    /// The variable in the generated API.
    public var generated: CoreV1.EnvVar {
        switch source {
        case .literal(let literal):
            return CoreV1.EnvVar(name: name, value: literal)
        case .secretKey(let secret, let key):
            return CoreV1.EnvVar(name: name, valueFrom: CoreV1.EnvVarSource(secretKeyRef: CoreV1.SecretKeySelector(name: secret, key: key)))
        case .configMapKey(let configMap, let key):
            return CoreV1.EnvVar(name: name, valueFrom: CoreV1.EnvVarSource(configMapKeyRef: CoreV1.ConfigMapKeySelector(name: configMap, key: key)))
        case .field(let path):
            return CoreV1.EnvVar(name: name, valueFrom: CoreV1.EnvVarSource(fieldRef: CoreV1.ObjectFieldSelector(fieldPath: path)))
        }
    }
}
