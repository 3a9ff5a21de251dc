import InfraDSL

/// The image an environment runs: a repository, pinned by digest, with an optional human tag.
public struct ImagePin: Hashable, Sendable {
    public let repository: String
    public let tag: String?
    /// `sha256:<64 hex>`; nil for an environment that follows a moving tag (development).
    public let digest: String?

    public init(repository: String, tag: String?, digest: String?) {
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// `repository[:tag][@digest]`, as a pod spec takes it.
    public var reference: String {
        repository + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }

    /// Whether the pin names one immutable image.
    public var isPinnedByDigest: Bool { ImagePinningCheck.isPinnedByDigest(reference) }
}

/// One pin per application and environment. The values live in `ImagePins+Current.swift`, a file
/// only `gen promote` writes.
public struct ImagePins: Hashable, Sendable {
    /// The application a pin without an application name is for: the trading engine.
    public static let engine = "trading-engine"

    /// Pins by environment name, then by application name.
    public let pins: [String: [String: ImagePin]]

    public init(_ pins: [String: [String: ImagePin]]) { self.pins = pins }

    /// The engine's pin in an environment.
    public subscript(environment: String) -> ImagePin? { pins[environment]?[Self.engine] }

    /// An application's pin in an environment.
    public subscript(environment: String, application: String) -> ImagePin? { pins[environment]?[application] }

    /// These pins with the engine of `environment` running `pin`.
    public func setting(_ environment: String, to pin: ImagePin) -> ImagePins {
        setting(environment, application: Self.engine, to: pin)
    }

    /// These pins with `application` in `environment` running `pin`.
    public func setting(_ environment: String, application: String, to pin: ImagePin) -> ImagePins {
        var copy = pins
        copy[environment, default: [:]][application] = pin
        return ImagePins(copy)
    }

    /// These pins with `target` running every image `source` runs (a promotion).
    public func promoting(_ source: String, to target: String) -> ImagePins {
        var copy = pins
        copy[target] = pins[source]
        return ImagePins(copy)
    }

    /// The Swift source of `ImagePins+Current.swift` holding these pins, environments in `order`,
    /// applications by name.
    public func sourceFile(order: [String]) -> String {
        func literal(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "nil" }
        var lines = [
            "// This file is written by `swift run gen promote`; change a pin with that command, not by hand.",
            "// Each pin is the image an application runs in an environment: repository, human tag, and the",
            "// registry digest.",
            "",
            "extension ImagePins {",
            "    /// The images the environments run now.",
            "    public static let current = ImagePins([",
        ]
        for name in order.filter({ pins[$0] != nil }) + pins.keys.sorted().filter({ !order.contains($0) }) {
            lines.append("        \"\(name)\": [")
            for (application, pin) in pins[name]!.sorted(by: { $0.key < $1.key }) {
                lines.append("            \"\(application)\": ImagePin(")
                lines.append("                repository: \(literal(pin.repository)),")
                lines.append("                tag: \(literal(pin.tag)),")
                lines.append("                digest: \(literal(pin.digest))),")
            }
            lines.append("        ],")
        }
        lines += ["    ])", "}", ""]
        return lines.joined(separator: "\n")
    }
}
