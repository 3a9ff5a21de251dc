import Environments
import Foundation
import InfraDSL
import Testing
import TestSupport
import Yams

/// Every setting of the system we replace (`Tests/Fixtures/seed`) appears in our rendered output with
/// the same value, except the deliberate corrections listed in ``SeedCorrections`` with their reasons.
/// A new difference fails here until it is either fixed or listed with a reason.
@Suite struct SeedParityTests {
    static let seed = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/seed")

    /// Our rendered files by path, rendered once in-process.
    static let rendered: [String: String] = {
        let environments = (try? Generator.renderAll(Catalog.environments)) ?? []
        return Dictionary(uniqueKeysWithValues: environments.flatMap(\.files).map { ($0.path, $0.contents) })
    }()

    /// Seed fixture → our file. Files renamed on purpose are listed in ``SeedCorrections``.
    static let comparisons: [(seed: String, ours: String?)] = {
        var pairs: [(String, String?)] = []
        for environment in ["development", "staging", "production"] {
            pairs.append(("config/\(environment).yaml", "\(environment)/config/config.yaml"))
        }
        pairs.append(("compose/docker-compose.dev.yml", "development/compose/docker-compose.yml"))
        let kubernetes = seed.appendingPathComponent("kubernetes")
        for environment in ["development", "staging", "production"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: kubernetes.appendingPathComponent(environment).path)) ?? []
            for file in files.sorted() {
                let renamed = SeedCorrections.renamedObjects["\(environment)/\(file)"]
                let ours = renamed ?? .some("\(environment)/kubernetes/\(file)")
                pairs.append(("kubernetes/\(environment)/\(file)", ours))
            }
        }
        return pairs
    }()

    @Test func everySeedFileIsCompared() {
        #expect(Self.comparisons.count == 20)
        #expect(!Self.rendered.isEmpty)
    }

    @Test(arguments: comparisons.map(\.seed))
    func seedSettingsAppearInOurOutput(_ seedFile: String) throws {
        let ours = try #require(Self.comparisons.first { $0.seed == seedFile }).ours
        guard let ours else {
            let reason = SeedCorrections.droppedObjects[seedFile]
            #expect(reason != nil, "\(seedFile) has no counterpart and no reason")
            return
        }
        let seedSettings = try settings(ofSeed: seedFile)
        let ourText = try #require(Self.rendered[ours], "we render no \(ours)")
        let ourSettings = try SettingsFlattener.flatten(yaml: ourText)
        var unexplained: [String] = []
        var wrong: [String] = []
        for (path, value) in seedSettings.sorted(by: { $0.key < $1.key }) {
            if ourSettings[path] == value { continue }
            if let correction = SeedCorrections.correction(for: seedFile, path: path) {
                if let mismatch = correction.ours.mismatch(ourSettings[path], settings: ourSettings, rendered: Self.rendered) {
                    wrong.append("\(path): \(mismatch) (corrected because \(correction.reason))")
                }
                continue
            }
            unexplained.append("\(path): seed \(value), ours \(ourSettings[path] ?? "absent")")
        }
        #expect(unexplained.isEmpty, "\(seedFile) → \(ours):\n\(unexplained.joined(separator: "\n"))")
        #expect(wrong.isEmpty, "\(seedFile) → \(ours) does not render what its corrections say:\n\(wrong.joined(separator: "\n"))")
    }

    @Test func everyCorrectionStillCorrectsSomething() throws {
        var used = Set<String>()
        for (seedFile, ours) in Self.comparisons {
            guard let ours, let ourText = Self.rendered[ours] else { continue }
            let seedSettings = try settings(ofSeed: seedFile)
            let ourSettings = try SettingsFlattener.flatten(yaml: ourText)
            for (path, value) in seedSettings where ourSettings[path] != value {
                if let correction = SeedCorrections.correction(for: seedFile, path: path) { used.insert(correction.key) }
            }
        }
        let stale = SeedCorrections.all.map(\.key).filter { !used.contains($0) }
        #expect(stale.isEmpty, "corrections that no longer match a difference: \(stale)")
    }

    /// The seed's settings; a config file is its common layer merged with the environment's.
    private func settings(ofSeed file: String) throws -> [String: String] {
        let text = try String(contentsOf: Self.seed.appendingPathComponent(file), encoding: .utf8)
        var settings = try SettingsFlattener.flatten(yaml: text)
        if file.hasPrefix("config/") {
            let common = try String(contentsOf: Self.seed.appendingPathComponent("config/common.yaml"), encoding: .utf8)
            for (path, value) in try SettingsFlattener.flatten(yaml: common) {
                let unwrapped = String(path.dropFirst("common.".count))
                if settings[unwrapped] == nil { settings[unwrapped] = value }
            }
        }
        return settings
    }
}
