import Foundation
import Testing
import TestSupport
@testable import InfraDSL

/// The byte-level fast paths of hot checks agree with the rules they shortcut, on random strings
/// over alphabets that hit every branch (letters of both cases, digits, separators, non-ASCII).
@Suite struct FastPathTests {
    private static func randomStrings(_ alphabet: [String], count: Int, maxLength: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
    }

    @Test func nameTestsAcceptExactlyWhatTheRulesAccept() {
        let strings = Self.randomStrings(["a", "z", "Q", "0", "9", "-", ".", "_", "/", " ", "é"], count: 20_000, maxLength: 7, seed: 1)
            + [String(repeating: "a", count: 63), String(repeating: "a", count: 64), String(repeating: "a.", count: 127)]
        for string in strings {
            #expect(NameRules.isValidLabel(string) == (NameRules.dns1123LabelRules(string) == nil), "label \(string)")
            #expect(NameRules.isValidSubdomain(string) == (NameRules.dns1123SubdomainRules(string) == nil), "subdomain \(string)")
            #expect((string.isEmpty || NameRules.isValidLabelValue(string)) == (NameRules.labelValueRules(string) == nil), "value \(string)")
            #expect(NameRules.isValidQualifiedName(string) == (NameRules.qualifiedNameRules(string) == nil), "key \(string)")
        }
    }

    @Test func labelsSortByKeyAndTheLastWriteWins() {
        var random = SplitMix64(seed: 2)
        for _ in 0..<2_000 {
            let pairs = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                (["a", "b", "app", "env", "Z", "é"].randomElement(using: &random)!, String(Int.random(in: 0...9, using: &random)))
            }
            var reference: [String: String] = [:]
            var duplicates: [String] = []
            for (key, value) in pairs {
                if reference[key] != nil { duplicates.append(key) }
                reference[key] = value
            }
            let labels = Labels(pairs)
            #expect(labels.pairs.map(\.key) == reference.keys.sorted())
            #expect(labels.pairs.map(\.value) == reference.keys.sorted().map { reference[$0]! })
            #expect(labels.duplicateKeys == duplicates)
        }
    }

    @Test(arguments: [
        ("a/../b", true), ("..", true), ("a/..", true), ("../a", true),
        ("a/..b", false), ("a/b..", false), ("a/.../b", false), ("a/./b", false), ("test/kubernetes/x.yaml", false),
    ])
    func parentSegments(_ path: String, _ escapes: Bool) {
        #expect(OutputDirectory.hasParentSegment(path) == escapes)
    }

    @Test(arguments: [
        ("registry.example.com/app:1.2", "registry.example.com/app"),
        ("registry:5000/app:1.2", "registry:5000/app"),
        ("registry:5000/app", "registry:5000/app"),
        ("app@sha256:abc", "app"),
        ("registry/app:1.2@sha256:abc", "registry/app"),
        ("app", "app"),
    ])
    func imageRepositories(_ image: String, _ repository: String) {
        #expect(ParityCheck.imageRepository(image) == repository)
    }

    @Test(arguments: [
        ("DB_PASSWORD", true), ("api-key", true), ("github_token", true), ("PRIVATE-KEY-PATH", true), ("tok", false),
        ("LOG_LEVEL", false), ("", false), ("SECRE", false), ("x-secret", true),
    ])
    func credentialNames(_ name: String, _ looksLikeOne: Bool) {
        #expect(SecretCheck.looksLikeCredential(name: name) == looksLikeOne)
    }

    @Test(arguments: [
        ("postgres://user:secret@db:5432/app", true), ("redis://:pw@cache:6379", true), ("https://host/path@x", false),
        ("postgres://user@db", false), ("not a url: a@b", false), ("://a:b@c", true), ("", false), ("a:/", false),
    ])
    func urlPasswords(_ value: String, _ holdsOne: Bool) {
        #expect(SecretCheck.containsURLPassword(value) == holdsOne)
    }

    @Test(arguments: [
        ("1.5Gi", true), ("500m", true), ("250ms", true), ("30s", true), ("4Gi", true), ("1k", true), ("app", true), ("/health", true),
        ("1..5Gi", false), (".5Gi", false), ("5.Gi", false), ("1.2.3Gi", false), ("5", false), ("Gi", true), ("12:30", false),
        ("yes", false), ("YES", false), ("Off", false), ("nulls", true), ("falsey", true), ("a:", false), ("", false), ("5\n", false),
    ])
    func plainScalars(_ string: String, _ plain: Bool) {
        #expect(YAMLScalarStyle.isSafePlain(string) == plain)
        #expect((YAMLScalarStyle.style(for: string) == .plain) == plain)
    }

    /// The plain-byte masks are literals; here they are derived again from the allowed set, and
    /// every byte outside the set (all 256 tried one by one) keeps a string from being plain.
    @Test func plainByteMasksHoldExactlyTheAllowedSet() {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/@:-".utf8)
        let below = allowed.filter { $0 < 64 }.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
        let from = allowed.filter { $0 >= 64 }.reduce(UInt64(0)) { $0 | 1 << UInt64($1 - 64) }
        #expect(YAMLScalarStyle.plainBytesBelow64 == below)
        #expect(YAMLScalarStyle.plainBytesFrom64 == from)
        for byte in UInt8.min...UInt8.max {
            let text = [UInt8(ascii: "a"), byte, UInt8(ascii: "b")]
            let plain = text.withUnsafeBufferPointer { YAMLScalarStyle.isSafePlain(utf8: $0) }
            #expect(plain == allowed.contains(byte), "byte \(byte)")
        }
    }

    /// A call site keeps its `#filePath` unspelled; it reads as the path from the package root (one
    /// that exists), and compares and hashes as that path.
    @Test func callSiteLocationsReadAsTheirPathsFromThePackageRoot() {
        let callSite = SourceLocation(#filePath, 42)
        let spelled = SourceLocation(path: "Tests/InfraDSLTests/FastPathTests.swift", line: 42)
        #expect(callSite.path == "Tests/InfraDSLTests/FastPathTests.swift")
        #expect(FileManager.default.fileExists(atPath: TestSupport.packageRoot.appendingPathComponent(callSite.path).path))
        #expect(callSite.description == "Tests/InfraDSLTests/FastPathTests.swift:42")
        #expect(callSite == spelled && spelled == callSite)
        #expect(callSite.hashValue == spelled.hashValue)
        #expect(callSite != SourceLocation(#filePath, 43))
        let elsewhere = SourceLocation("/elsewhere/Sources/App/File.swift", 42)
        #expect(elsewhere.path == "/elsewhere/Sources/App/File.swift")
        #expect(callSite != elsewhere)
        #expect(Set([callSite, spelled, elsewhere]).count == 2)
    }

    /// The per-type workload flag agrees with the conformance it stands for.
    @Test func workloadFlagMatchesConformance() {
        let types: [any Resource.Type] = [
            Deployment.self, StatefulSet.self, ConfigMap.self, Service.self, Namespace.self, NetworkPolicy.self,
            HorizontalPodAutoscaler.self, PodDisruptionBudget.self, ResourceQuota.self, PersistentVolumeClaim.self,
        ]
        for type in types {
            #expect(type.isWorkload == (type is any Workload.Type), "\(type.kind)")
        }
        #expect(Deployment.isWorkload && StatefulSet.isWorkload && !ConfigMap.isWorkload)
    }
}
