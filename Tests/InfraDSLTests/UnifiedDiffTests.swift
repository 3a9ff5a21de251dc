import Foundation
import Testing
import TestSupport
@testable import InfraDSL

/// The diff is proved by a tool nobody here wrote: GNU `patch` must turn the old text into the new
/// one with it.
@Suite struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b").isEmpty)
    }

    @Test func aSmallChangeReadsLikeDiffU() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.diff(old: old, new: new, oldName: "old", newName: "new") == """
            --- old
            +++ new
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func patchAppliesEveryGeneratedDiff() throws {
        var generator = SplitMix64(seed: 42)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for round in 0..<60 {
            let old = randomLines(&generator)
            let new = mutate(old, &generator)
            // Either text may lack its final newline: a change of that alone is a change too.
            let oldText = withFinalNewline(old, generator.next() % 4 != 0)
            let newText = withFinalNewline(new, generator.next() % 4 != 0)
            let diff = UnifiedDiff.diff(old: oldText, new: newText, oldName: "a/file", newName: "b/file")
            let target = directory.appendingPathComponent("file-\(round)")
            try Data(oldText.utf8).write(to: target)
            guard !diff.isEmpty else {
                #expect(oldText == newText)
                continue
            }
            let result = try TestSupport.shell("patch --quiet '\(target.path)'", input: diff)
            #expect(result.status == 0, "patch failed on round \(round): \(result.output)\(result.error)\n\(diff)")
            #expect(try String(contentsOf: target, encoding: .utf8) == newText, "round \(round)")
        }
    }

    private func withFinalNewline(_ lines: [String], _ final: Bool) -> String {
        let text = lines.joined(separator: "\n")
        return final && !lines.isEmpty ? text + "\n" : text
    }

    @Test func aChangeOfTheFinalNewlineAloneIsAHunk() throws {
        let diff = UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldName: "old", newName: "new")
        #expect(diff == """
            --- old
            +++ new
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +b

            """)
    }

    private func randomLines(_ generator: inout SplitMix64) -> [String] {
        (0..<Int(generator.next() % 30)).map { _ in "l\(generator.next() % 8)" }
    }

    private func mutate(_ lines: [String], _ generator: inout SplitMix64) -> [String] {
        var result = lines
        for _ in 0..<Int(generator.next() % 6) {
            let index = result.isEmpty ? 0 : Int(generator.next() % UInt64(result.count))
            switch generator.next() % 3 {
            case 0: result.insert("new\(generator.next() % 100)", at: index)
            case 1 where !result.isEmpty: result.remove(at: index)
            default: if !result.isEmpty { result[index] = "changed\(generator.next() % 100)" }
            }
        }
        return result
    }
}
