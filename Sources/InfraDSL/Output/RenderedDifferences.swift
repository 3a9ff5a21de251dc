extension RenderedEnvironment {
    /// The unified diff of every file that differs between two renders of an environment, sorted by path.
    public static func differences(from old: RenderedEnvironment, to new: RenderedEnvironment) -> [FileDifference] {
        let before = Dictionary(uniqueKeysWithValues: old.files.map { ($0.path, $0.contents) })
        let after = Dictionary(uniqueKeysWithValues: new.files.map { ($0.path, $0.contents) })
        return Set(before.keys).union(after.keys).sorted().compactMap { path in
            let (previous, next) = (before[path], after[path])
            guard previous != next else { return nil }
            let kind: FileDifference.Kind = previous == nil ? .missing : next == nil ? .extra : .changed
            let diff = UnifiedDiff.diff(
                old: previous ?? "", new: next ?? "", oldName: previous == nil ? "/dev/null" : "a/\(path)", newName: next == nil ? "/dev/null" : "b/\(path)")
            return FileDifference(path: path, kind: kind, diff: diff)
        }
    }
}

extension RenderedEnvironment {
    /// An environment's files, made elsewhere (a rollout's steps).
    public init(name: String, files: [RenderedFile]) {
        self.init(name: name, files: files.sorted { $0.path < $1.path }, warnings: [])
    }
}
