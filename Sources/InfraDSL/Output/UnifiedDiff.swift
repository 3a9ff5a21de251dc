/// A unified diff of two texts, line by line, as `diff -u` prints it. The line matching is the
/// standard library's (`CollectionDifference`, Myers' algorithm); this type only formats hunks.
public enum UnifiedDiff {
    private enum Line {
        case same(String)
        case removed(String)
        case added(String)

        var isChange: Bool {
            if case .same = self { return false }
            return true
        }
    }

    /// The diff of `old` to `new` with `context` lines around each change, or an empty string when the
    /// texts are equal.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let script = editScript(oldLines, newLines)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(of: script, context: context) {
            out += hunk
        }
        return out
    }

    /// Marks a last line that has no newline after it, so "x" and "x\n" are different lines (as for
    /// `diff -u`, which prints `\ No newline at end of file` after it).
    private static let missingNewline = "\u{0}no-newline"

    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        } else if let last = lines.last {
            lines[lines.count - 1] = last + missingNewline
        }
        return lines
    }

    /// One line of a hunk: its prefix and text, and the marker line after a last line without a newline.
    private static func hunkLine(_ prefix: String, _ line: String) -> String {
        guard line.hasSuffix(missingNewline) else { return "\(prefix)\(line)\n" }
        return "\(prefix)\(line.dropLast(missingNewline.count))\n\\ No newline at end of file\n"
    }

    private static func editScript(_ old: [String], _ new: [String]) -> [Line] {
        let difference = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var script: [Line] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                script.append(.removed(old[i])); i += 1
            } else if j < new.count, inserted.contains(j) {
                script.append(.added(new[j])); j += 1
            } else {
                script.append(.same(old[i])); i += 1; j += 1
            }
        }
        return script
    }

    private static func hunks(of script: [Line], context: Int) -> [String] {
        let changed = script.indices.filter { script[$0].isChange }
        guard !changed.isEmpty else { return [] }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        // Line numbers (1-based) of the old and new text at each script position.
        var oldLine = [Int](repeating: 0, count: script.count + 1)
        var newLine = [Int](repeating: 0, count: script.count + 1)
        var (o, n) = (1, 1)
        for (index, line) in script.enumerated() {
            oldLine[index] = o
            newLine[index] = n
            switch line {
            case .same: o += 1; n += 1
            case .removed: o += 1
            case .added: n += 1
            }
        }
        return ranges.map { range in
            let slice = script[range]
            let oldCount = slice.filter { if case .added = $0 { return false } else { return true } }.count
            let newCount = slice.filter { if case .removed = $0 { return false } else { return true } }.count
            let oldStart = oldCount == 0 ? oldLine[range.lowerBound] - 1 : oldLine[range.lowerBound]
            let newStart = newCount == 0 ? newLine[range.lowerBound] - 1 : newLine[range.lowerBound]
            var text = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for line in slice {
                switch line {
                case .same(let s): text += hunkLine(" ", s)
                case .removed(let s): text += hunkLine("-", s)
                case .added(let s): text += hunkLine("+", s)
                }
            }
            return text
        }
    }
}
