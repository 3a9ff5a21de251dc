// This file is written by `swift run gen promote`; change a pin with that command, not by hand.
// Each pin is the image an application runs in an environment: repository, human tag, and the
// registry digest.

extension ImagePins {
    /// The images the environments run now.
    public static let current = ImagePins([
        "development": [
            "market-data-gateway": ImagePin(
                repository: "registry.example.com/hft-market-data-gateway",
                tag: "dev",
                digest: nil),
            "trading-engine": ImagePin(
                repository: "registry.example.com/hft-trading-engine",
                tag: "dev",
                digest: nil),
        ],
        "staging": [
            "market-data-gateway": ImagePin(
                repository: "registry.example.com/hft-market-data-gateway",
                tag: "v0.4.0",
                digest: "sha256:3b1e7c9a52f04d6e8a1c2b7d9e0f4a6c8b2d1e3f5a7c9b0d2e4f6a8c0b1d3e5f"),
            "trading-engine": ImagePin(
                repository: "registry.example.com/hft-trading-engine",
                tag: "v1.1.0",
                digest: "sha256:565f35e95fe5d6f89691daf19001c5b63a3cd0a1f86b1af5d3802b27f161cfb5"),
        ],
        "production": [
            "market-data-gateway": ImagePin(
                repository: "registry.example.com/hft-market-data-gateway",
                tag: "v0.4.0",
                digest: "sha256:3b1e7c9a52f04d6e8a1c2b7d9e0f4a6c8b2d1e3f5a7c9b0d2e4f6a8c0b1d3e5f"),
            "trading-engine": ImagePin(
                repository: "registry.example.com/hft-trading-engine",
                tag: "v1.0.0",
                digest: "sha256:5d335d23425a788f8c6f40648f40035e7452fb1bd5e52bee689e8ccdbc3b3cfc"),
        ],
        "production-dr": [
            "market-data-gateway": ImagePin(
                repository: "registry.example.com/hft-market-data-gateway",
                tag: "v0.4.0",
                digest: "sha256:3b1e7c9a52f04d6e8a1c2b7d9e0f4a6c8b2d1e3f5a7c9b0d2e4f6a8c0b1d3e5f"),
            "trading-engine": ImagePin(
                repository: "registry.example.com/hft-trading-engine",
                tag: "v1.0.0",
                digest: "sha256:5d335d23425a788f8c6f40648f40035e7452fb1bd5e52bee689e8ccdbc3b3cfc"),
        ],
    ])
}
