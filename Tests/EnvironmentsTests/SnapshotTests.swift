@testable import Environments
import Foundation
import InfraDSL
import Testing
import TestSupport

/// The committed `snapshots/` must be exactly what `gen --all` writes. A pull request that changes an
/// environment therefore shows the change as a diff of readable files.
///
/// To re-record after reading the diff: `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
/// The recording run fails on purpose, so nothing is recorded by accident.
@Suite struct SnapshotTests {
    static let root = TestSupport.packageRoot.appendingPathComponent("snapshots")
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    @Test func snapshotsMatchEveryEnvironment() throws {
        let rendered = try Catalog.render(Catalog.environments)
        let directory = OutputDirectory(root: Self.root)
        if Self.recording {
            for environment in rendered { try directory.write(environment) }
            removeRetiredEnvironments(keeping: Set(rendered.map(\.name)))
            Issue.record("snapshots were re-recorded; read `git diff snapshots/`, then run again without RECORD_SNAPSHOTS")
            return
        }
        for difference in rendered.flatMap({ directory.differences(from: $0) }) {
            Issue.record("""
                snapshots/\(difference.path) is \(difference.kind.rawValue) (the rendered output differs from the \
                committed snapshot):
                \(difference.diff)
                """)
        }
        let retired = snapshotDirectories().subtracting(rendered.map(\.name))
        #expect(retired.isEmpty, "snapshots/ holds environments that no longer exist: \(retired.sorted())")
    }

    @Test func everyEnvironmentHasASnapshot() {
        let names = Set(Catalog.environments.map(\.name)).union([HelmPackaging.outputName])
        #expect(!names.isEmpty)
        #expect(names.isSubset(of: snapshotDirectories()) || Self.recording, "missing: \(names.subtracting(snapshotDirectories()).sorted())")
    }

    private func snapshotDirectories() -> Set<String> {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: Self.root.path)) ?? []
        return Set(entries.filter { !$0.hasPrefix(".") })
    }

    private func removeRetiredEnvironments(keeping names: Set<String>) {
        for retired in snapshotDirectories().subtracting(names) {
            try? FileManager.default.removeItem(at: Self.root.appendingPathComponent(retired))
        }
    }
}
