// swift-tools-version:6.1
import PackageDescription

/// The generation benchmark's workload, built with InfraDSL. Kept out of the main package so its
/// release build never slows the project's own builds and tests.
let package = Package(
    name: "InfraDSLBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "InfraDSL", path: "..")],
    targets: [
        .executableTarget(name: "bench-gen", dependencies: [.product(name: "InfraDSL", package: "InfraDSL")]),
    ],
    swiftLanguageModes: [.v6]
)
