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

/// One pin per environment. The values live in `ImagePins+Current.swift`, a file only
/// `gen promote` writes.
public struct ImagePins: Hashable, Sendable {
    /// Pins by environment name.
    public let pins: [String: ImagePin]

    public init(_ pins: [String: ImagePin]) { self.pins = pins }

    /// The pin of an environment.
    public subscript(environment: String) -> ImagePin? { pins[environment] }

    /// These pins with `environment` running `pin`.
    public func setting(_ environment: String, to pin: ImagePin) -> ImagePins {
        var copy = pins
        copy[environment] = pin
        return ImagePins(copy)
    }

    /// The Swift source of `ImagePins+Current.swift` holding these pins, environments in promotion order.
    public func sourceFile(order: [String]) -> String {
        func literal(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "nil" }
        var lines = [
            "// This file is written by `swift run gen promote`; change a pin with that command, not by hand.",
            "// Each pin is the image an environment runs: repository, human tag, and the registry digest.",
            "",
            "extension ImagePins {",
            "    /// The images the environments run now.",
            "    public static let current = ImagePins([",
        ]
        for name in order.filter({ pins[$0] != nil }) + pins.keys.sorted().filter({ !order.contains($0) }) {
            let pin = pins[name]!
            lines.append("        \"\(name)\": ImagePin(")
            lines.append("            repository: \(literal(pin.repository)),")
            lines.append("            tag: \(literal(pin.tag)),")
            lines.append("            digest: \(literal(pin.digest))),")
        }
        lines += ["    ])", "}", ""]
        return lines.joined(separator: "\n")
    }
}
