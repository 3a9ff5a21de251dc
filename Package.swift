// swift-tools-version:6.1
import PackageDescription

/// The library targets are compiled as whole modules in debug builds too (release builds always
/// are). A debug build otherwise splits a module into batches of files, and every batch type-checks
/// again the declarations its files use; for the generated API and the library that is most of the
/// work: a clean `swift build --product gen` takes about 60 s instead of about 71 s (98 instead of
/// 119 CPU-seconds). Each such module also writes its interface in the same job, not in a second
/// one that type-checks its declarations again (3.1 s for `KubernetesAPI` alone). `-num-threads`
/// keeps one object file per source file, as SwiftPM expects. The modules users edit
/// (`Environments`, `gen`) stay incremental, so a value change still recompiles one file. Local
/// packages may use these flags, so a package `gen import` writes (which depends on this one by
/// path) builds as before.
let wholeModuleInDebug: [SwiftSetting] = [
    .unsafeFlags(["-wmo", "-num-threads", "2", "-no-emit-module-separately-wmo"], .when(configuration: .debug))
]

/// InfraDSL: typed, compiler-checked environment management.
///
/// The generator's dependency set is deliberately small (Yams for libyaml, swift-argument-parser for
/// flags) so `swift run gen` builds in seconds on a fresh machine. Only the trading engine (`engine`)
/// links the server libraries (Hummingbird, service lifecycle, logging, metrics, PostgreSQL).
let package = Package(
    name: "InfraDSL",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "InfraDSL", targets: ["InfraDSL"]),
        .library(name: "Environments", targets: ["Environments"]),
        .library(name: "KubernetesAPI", targets: ["KubernetesAPI"]),
        .library(name: "CustomResources", targets: ["CustomResources"]),
        .executable(name: "gen", targets: ["gen"]),
        .executable(name: "kubernetes-codegen", targets: ["kubernetes-codegen"]),
        .executable(name: "engine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // The engine's server stack. `traits: []` keeps Hummingbird's default traits from being passed
        // in a different order on each re-plan, which recompiles it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The typed Kubernetes API: support types and code generated from the 1.32 schema.
        .target(name: "KubernetesAPI", swiftSettings: wholeModuleInDebug),
        // Schema → Swift: the Kubernetes API's definitions and CustomResourceDefinitions.
        .target(
            name: "KubernetesCodegen",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: wholeModuleInDebug
        ),
        // Custom resources imported from the CRDs in codegen/crds (External Secrets, Prometheus Operator).
        .target(name: "CustomResources", dependencies: ["KubernetesAPI"], swiftSettings: wholeModuleInDebug),
        .executableTarget(
            name: "kubernetes-codegen",
            dependencies: [
                "KubernetesCodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The library's value layer: units, the document value, strict YAML decoding, canonical
        // JSON, SHA-256, JSON Schema from types. Its own target so a program that only reads typed
        // config (the engine) links it without the renderers and checks.
        .target(
            name: "InfraValues",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: wholeModuleInDebug
        ),
        .target(
            name: "InfraDSL",
            dependencies: ["InfraValues", "KubernetesAPI", .product(name: "Yams", package: "Yams")],
            swiftSettings: wholeModuleInDebug
        ),
        // The engine's config (`AppConfig`) and the interface the manifests promise it: shared by the
        // environments that render it and the engine that reads it, and all the engine links of them.
        .target(
            name: "EngineConfig",
            dependencies: ["InfraValues"]
        ),
        .target(
            name: "Environments",
            dependencies: ["InfraDSL", "EngineConfig", "CustomResources"]
        ),
        .executableTarget(
            name: "gen",
            dependencies: [
                "InfraDSL",
                "Environments",
                "CustomResources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "Engine",
            dependencies: [
                "EngineConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "TestSupport",
            path: "Tests/Support"
        ),
        // What the CRD importer makes of its large test CRD (Tests/Fixtures/crds), compiled.
        .target(
            name: "CustomResourceFixtures",
            dependencies: ["KubernetesAPI"],
            path: "Tests/CustomResourceFixtures"
        ),
        .testTarget(
            name: "InfraDSLTests",
            dependencies: ["InfraDSL", "KubernetesAPI", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "KubernetesAPITests",
            dependencies: [
                "KubernetesAPI", "KubernetesCodegen", "CustomResources", "CustomResourceFixtures", "InfraDSL", "TestSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "EnvironmentsTests",
            dependencies: ["InfraDSL", "Environments", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "Engine", "Environments", "InfraDSL",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
