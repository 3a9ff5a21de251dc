// swift-tools-version:6.1
import PackageDescription

/// InfraDSL: typed, compiler-checked environment management.
///
/// The generator's dependency set is deliberately small (Yams for libyaml, swift-argument-parser for
/// flags) so `swift run gen` builds in seconds on a fresh machine.
let package = Package(
    name: "InfraDSL",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "InfraDSL", targets: ["InfraDSL"]),
        .library(name: "Environments", targets: ["Environments"]),
        .executable(name: "gen", targets: ["gen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "InfraDSL",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Environments",
            dependencies: ["InfraDSL"]
        ),
        .executableTarget(
            name: "gen",
            dependencies: [
                "InfraDSL",
                "Environments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TestSupport",
            path: "Tests/Support"
        ),
        .testTarget(
            name: "InfraDSLTests",
            dependencies: ["InfraDSL", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "EnvironmentsTests",
            dependencies: ["InfraDSL", "Environments", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
