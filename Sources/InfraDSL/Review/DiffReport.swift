import Foundation

/// Prints an ``EnvironmentDiff`` for a terminal (optionally coloured), as Markdown for a pull
/// request comment, or as JSON for tools.
public enum DiffReport {
    /// How to print.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// The report.
    public static func render(_ diff: EnvironmentDiff, format: Format, color: Bool = false) -> String {
        switch format {
        case .text: return text(diff, color: color)
        case .markdown: return markdown(diff)
        case .json: return JSONRenderer.render(.object(Fields([
            ("from", .string(diff.from)), ("to", .string(diff.to)),
            ("substitutions", .array(diff.substitutions.map { substitution in
                .object(Fields([("what", .string(substitution.what)), ("before", .string(substitution.from)),
                                ("after", .string(substitution.to)), ("fields", .int(substitution.fields))]))
            })),
            ("declared", .array(diff.declared.map { .string($0) })),
            ("objects", .array(diff.entries.map { json($0, flagged: false) })),
            ("sameImages", .bool(diff.images.same)),
        ])))
        }
    }

    /// One entry as JSON: `change`, `object`, the changed `fields` (`path`, `before`, `after`, absent
    /// for a side without it) and, for a review, the `flags` of the entry and of each field.
    static func json(_ entry: EnvironmentDiff.Entry, flagged: Bool) -> Value {
        func field(_ kind: String, _ change: EnvironmentDiff.FieldChange) -> Value {
            var fields: [(String, Value)] = [("path", .string(change.path))]
            if let from = change.from { fields.append(("before", .string(from))) }
            if let to = change.to { fields.append(("after", .string(to))) }
            if flagged { fields.append(("flags", flags(RevisionDiff.flags(kind: kind, path: change.path)))) }
            return .object(Fields(fields))
        }
        var fields: [(String, Value)]
        switch entry {
        case .added(let identity): fields = [("change", "added"), ("object", .string(identity))]
        case .removed(let identity): fields = [("change", "removed"), ("object", .string(identity))]
        case .changed(let identity, let changes):
            let kind = EnvironmentDiff.kind(of: identity)
            fields = [("change", "changed"), ("object", .string(identity)), ("fields", .array(changes.map { field(kind, $0) }))]
        case .renamed(let kind, let from, let to, let changes):
            fields = [("change", "renamed"), ("object", .string("\(kind)/\(to)")), ("renamedFrom", .string("\(kind)/\(from)")),
                      ("fields", .array(changes.map { field(kind, $0) }))]
        }
        if flagged { fields.insert(("flags", flags(RevisionDiff.flags(of: entry))), at: 2) }
        return .object(Fields(fields))
    }

    static func flags(_ flags: Set<RevisionDiff.Flag>) -> Value {
        .array(flags.sorted().map { .string($0.rawValue) })
    }

    private static func text(_ diff: EnvironmentDiff, color: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { Self.paint(text, code, color: color) }
        var out = "\(diff.from) → \(diff.to)\n"
        if let stated = substitutionsSentence(diff, code: { $0 }) { out += stated + "\n" }
        for declared in diff.declared { out += "Declared: \(declared)\n" }
        for entry in diff.entries {
            switch entry {
            case .added(let identity):
                out += paint("+ \(identity)", "32") + " (only in \(diff.to))\n"
            case .removed(let identity):
                out += paint("- \(identity)", "31") + " (only in \(diff.from))\n"
            case .changed(let identity, let changes):
                out += paint("~ \(identity)", "33") + "\n"
                for change in changes {
                    let (from, to) = shown(change)
                    out += "    \(identity) \(change.path): \(from) → \(to)\n"
                }
            case .renamed(let kind, let from, let to, let changes):
                out += paint("~ \(kind)/\(from) → \(kind)/\(to)", "36") + " (renamed)\n"
                for change in changes {
                    let (old, new) = shown(change)
                    out += "    \(kind)/\(to) \(change.path): \(old) → \(new)\n"
                }
            }
        }
        out += verdict(diff) + "\n"
        return out
    }

    private static func markdown(_ diff: EnvironmentDiff) -> String {
        var out = "### \(diff.from) → \(diff.to)\n\n"
        if let stated = substitutionsSentence(diff, code: { "`\($0)`" }) { out += stated + "\n\n" }
        if !diff.declared.isEmpty { out += diff.declared.map { "- Declared: \($0)\n" }.joined() + "\n" }
        out += "| object | field | \(diff.from) | \(diff.to) |\n|---|---|---|---|\n"
        func row(_ object: String, _ field: String, _ from: String?, _ to: String?) -> String {
            let (old, new) = shown(EnvironmentDiff.FieldChange(path: field, from: from, to: to))
            return "| \(cell(object)) | \(cell(field)) | \(cell(old)) | \(cell(new)) |\n"
        }
        for entry in diff.entries {
            switch entry {
            case .added(let identity): out += row(identity, "(object)", nil, "present")
            case .removed(let identity): out += row(identity, "(object)", "present", nil)
            case .changed(let identity, let changes):
                for change in changes { out += row(identity, change.path, change.from, change.to) }
            case .renamed(let kind, let from, let to, let changes):
                out += row("\(kind)/\(from) → \(to)", "(renamed)", from, to)
                for change in changes { out += row("\(kind)/\(to)", change.path, change.from, change.to) }
            }
        }
        out += "\n**Parity:** " + verdict(diff) + "\n"
        return out
    }

    /// `Throughout: environment name staging → production (38 fields); …`, or nil when none applied.
    private static func substitutionsSentence(_ diff: EnvironmentDiff, code: (String) -> String) -> String? {
        guard !diff.substitutions.isEmpty else { return nil }
        return "Throughout, not listed below: " + diff.substitutions.map { substitution in
            "\(substitution.what) \(code(substitution.from)) → \(code(substitution.to)) (\(substitution.fields) field\(substitution.fields == 1 ? "" : "s"))"
        }.joined(separator: "; ") + "."
    }

    private static func verdict(_ diff: EnvironmentDiff) -> String {
        if diff.images.same {
            return "the workloads run the same image (\(diff.images.shared.joined(separator: ", ")))."
        }
        return "the workloads do not run the same image: " + diff.images.differences.map {
            "\($0.container) runs \($0.from) in \(diff.from) and \($0.to) in \(diff.to)"
        }.joined(separator: "; ") + "."
    }

    /// `text` in the terminal colour `code` (an SGR parameter), when colour is on.
    static func paint(_ text: String, _ code: String, color: Bool) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Both sides of a change on one line each; for multi-line text, the first line that differs.
    static func shown(_ change: EnvironmentDiff.FieldChange) -> (String, String) {
        guard let from = change.from, let to = change.to, from.contains("\n") || to.contains("\n") else {
            return (show(change.from), show(change.to))
        }
        let left = from.split(separator: "\n", omittingEmptySubsequences: false)
        let right = to.split(separator: "\n", omittingEmptySubsequences: false)
        let shared = min(left.count, right.count)
        var index = 0
        while index < shared, left[index] == right[index] { index += 1 }
        func line(_ lines: [Substring]) -> String { index < lines.count ? "line \(index + 1): \(lines[index])" : "line \(index + 1): (absent)" }
        return (line(left), line(right))
    }

    private static func show(_ value: String?) -> String {
        guard let value else { return "(absent)" }
        let oneLine = value.contains("\n") ? value.split(separator: "\n").first.map { "\($0) …" } ?? value : value
        return oneLine.isEmpty ? "\"\"" : oneLine
    }

    static func cell(_ text: String) -> String {
        "`" + text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'") + "`"
    }
}
