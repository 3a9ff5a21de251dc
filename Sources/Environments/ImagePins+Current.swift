// This file is written by `swift run gen promote`; change a pin with that command, not by hand.
// Each pin is the image an environment runs: repository, human tag, and the registry digest.

extension ImagePins {
    /// The images the environments run now.
    public static let current = ImagePins([
        "development": ImagePin(
            repository: "registry.example.com/hft-trading-engine",
            tag: "dev",
            digest: nil),
        "staging": ImagePin(
            repository: "registry.example.com/hft-trading-engine",
            tag: "v1.1.0",
            digest: "sha256:565f35e95fe5d6f89691daf19001c5b63a3cd0a1f86b1af5d3802b27f161cfb5"),
        "production": ImagePin(
            repository: "registry.example.com/hft-trading-engine",
            tag: "v1.0.0",
            digest: "sha256:5d335d23425a788f8c6f40648f40035e7452fb1bd5e52bee689e8ccdbc3b3cfc"),
        "production-dr": ImagePin(
            repository: "registry.example.com/hft-trading-engine",
            tag: "v1.0.0",
            digest: "sha256:5d335d23425a788f8c6f40648f40035e7452fb1bd5e52bee689e8ccdbc3b3cfc"),
    ])
}
