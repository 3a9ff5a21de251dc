/// Prints ``RevisionDiff``s, one section per environment: for a terminal (optionally coloured), as
/// the Markdown of one pull-request comment, or as JSON for tools.
public enum RevisionReport {
    /// The first line of the Markdown comment, by which a workflow finds its own comment to update.
    public static let marker = "<!-- infradsl-review -->"

    public static func render(_ reviews: [RevisionDiff], format: DiffReport.Format, color: Bool = false) -> String {
        switch format {
        case .text: return reviews.map { text($0, color: color) }.joined()
        case .markdown: return markdown(reviews)
        case .json: return json(reviews)
        }
    }

    // MARK: - Text

    private static func text(_ review: RevisionDiff, color: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { DiffReport.paint(text, code, color: color) }
        func tags(_ flags: Set<RevisionDiff.Flag>) -> String {
            flags.isEmpty ? "" : " " + paint("[" + flags.sorted().map(\.rawValue).joined(separator: ", ") + "]", "1;35")
        }
        var out = "\(review.diff.from) → \(review.diff.to)" + (review.critical ? " " + paint("(production)", "1;31") : "") + "\n"
        if !review.existedBefore { out += "  a new environment: every object is added\n" }
        if !review.hasChanges { return out + "  no change\n" }
        for entry in review.diff.entries {
            let flags = tags(RevisionDiff.flags(of: entry))
            switch entry {
            case .added(let identity): out += paint("+ \(identity)", "32") + flags + "\n"
            case .removed(let identity): out += paint("- \(identity)", "31") + flags + "\n"
            case .changed(let identity, let changes):
                out += paint("~ \(identity)", "33") + flags + "\n"
                out += lines(changes, kind: EnvironmentDiff.kind(of: identity), tags: tags)
            case .renamed(let kind, let from, let to, let changes):
                out += paint("~ \(kind)/\(from) → \(kind)/\(to)", "36") + " (renamed)" + flags + "\n"
                out += lines(changes, kind: kind, tags: tags)
            }
        }
        for finding in review.nowBlocked { out += paint("  now blocked: ", "31") + finding + "\n" }
        for finding in review.nowAllowed { out += paint("  allowed again: ", "32") + finding + "\n" }
        return out
    }

    private static func lines(_ changes: [EnvironmentDiff.FieldChange], kind: String, tags: (Set<RevisionDiff.Flag>) -> String) -> String {
        changes.map { change in
            let (from, to) = DiffReport.shown(change)
            return "    \(change.path): \(from) → \(to)" + tags(RevisionDiff.flags(kind: kind, path: change.path)) + "\n"
        }.joined()
    }

    // MARK: - Markdown

    private static func markdown(_ reviews: [RevisionDiff]) -> String {
        let changed = reviews.filter(\.hasChanges)
        var out = marker + "\n## What this change does to each environment\n\n"
        out += changed.isEmpty
            ? "No environment changes.\n"
            : "Changes in \(changed.map { "**\($0.environment)**" }.joined(separator: ", ")); unchanged: \(reviews.filter { !$0.hasChanges }.map(\.environment).joined(separator: ", ").nonEmptyOr("none")).\n"
        for review in reviews where review.hasChanges {
            let count = review.diff.entries.count
            out += "\n### \(review.environment)" + (review.critical ? " — production: every change here matters" : "") + "\n\n"
            out += "\(count) object\(count == 1 ? "" : "s") \(review.existedBefore ? "differ" + (count == 1 ? "s" : "") + " from the base branch" : "added: the base branch has no such environment").\n\n"
            out += "| flags | object | field | before | after |\n|---|---|---|---|---|\n"
            for entry in review.diff.entries { out += rows(entry) }
            if !review.nowBlocked.isEmpty || !review.nowAllowed.isEmpty {
                out += "\n**Reachability** (the network policies against what the application declares it calls):\n\n"
                for finding in review.nowBlocked { out += "- now blocked: \(finding)\n" }
                for finding in review.nowAllowed { out += "- allowed again: \(finding)\n" }
            }
        }
        return out
    }

    private static func rows(_ entry: EnvironmentDiff.Entry) -> String {
        func flags(_ set: Set<RevisionDiff.Flag>) -> String { set.sorted().map { "**\($0.rawValue)**" }.joined(separator: " ") }
        func row(_ flagged: Set<RevisionDiff.Flag>, _ object: String, _ field: String, _ from: String?, _ to: String?) -> String {
            let (old, new) = DiffReport.shown(EnvironmentDiff.FieldChange(path: field, from: from, to: to))
            return "| \(flags(flagged)) | \(DiffReport.cell(object)) | \(DiffReport.cell(field)) | \(DiffReport.cell(old)) | \(DiffReport.cell(new)) |\n"
        }
        switch entry {
        case .added(let identity): return row(RevisionDiff.flags(of: entry), identity, "(object)", nil, "added")
        case .removed(let identity): return row(RevisionDiff.flags(of: entry), identity, "(object)", "present", nil)
        case .changed(let identity, let changes):
            return changes.map { row(RevisionDiff.flags(kind: EnvironmentDiff.kind(of: identity), path: $0.path), identity, $0.path, $0.from, $0.to) }.joined()
        case .renamed(let kind, let from, let to, let changes):
            return row(RevisionDiff.flags(kind: kind), "\(kind)/\(from) → \(to)", "(renamed)", from, to)
                + changes.map { row(RevisionDiff.flags(kind: kind, path: $0.path), "\(kind)/\(to)", $0.path, $0.from, $0.to) }.joined()
        }
    }

    // MARK: - JSON

    private static func json(_ reviews: [RevisionDiff]) -> String {
        JSONRenderer.render(.object(Fields([
            ("changed", .bool(reviews.contains(where: \.hasChanges))),
            ("environments", .array(reviews.map { review in
                .object(Fields([
                    ("name", .string(review.environment)), ("critical", .bool(review.critical)),
                    ("existedBefore", .bool(review.existedBefore)), ("changed", .bool(review.hasChanges)),
                    ("objects", .array(review.diff.entries.map { DiffReport.json($0, flagged: true) })),
                    ("nowBlocked", .array(review.nowBlocked.map(Value.string))),
                    ("nowAllowed", .array(review.nowAllowed.map(Value.string))),
                ]))
            })),
        ])))
    }
}

extension String {
    fileprivate func nonEmptyOr(_ fallback: String) -> String { isEmpty ? fallback : self }
}
