/// How two environments differ, object by object and field by field, with namespaces normalized.
public struct EnvironmentDiff: Sendable {
    /// One field that differs; nil means absent on that side.
    public struct FieldChange: Hashable, Sendable {
        public let path: String
        public let from: String?
        public let to: String?
    }

    /// What happened to one object.
    public enum Entry: Hashable, Sendable {
        case added(identity: String)
        case removed(identity: String)
        case changed(identity: String, changes: [FieldChange])
        /// The same object under another name (matched by kind and content).
        case renamed(kind: String, from: String, to: String, changes: [FieldChange])
    }

    /// A container that runs another image on the other side.
    public struct ImageDifference: Hashable, Sendable {
        /// `Kind/name/container`.
        public let container: String
        public let from: String
        public let to: String
    }

    /// Whether the workloads both sides share run the same images.
    public struct ImageVerdict: Hashable, Sendable {
        /// The containers whose images differ, sorted.
        public let differences: [ImageDifference]
        /// The images both sides run alike.
        public let shared: [String]
        public var same: Bool { differences.isEmpty }
    }

    /// A value each environment has its own of (its name, a label every object carries, its config
    /// fingerprint), stated once instead of once per field: every field that differs exactly by it
    /// is left out of ``entries`` and counted here.
    public struct Substitution: Hashable, Sendable {
        /// What the value is, for the report: `environment name`, `label tier`.
        public let what: String
        public let from: String
        public let to: String
        /// How many field rows it explains (set by the comparison).
        public internal(set) var fields = 0

        public init(_ what: String, from: String, to: String) {
            self.what = what
            self.from = from
            self.to = to
        }
    }

    public let from: String
    public let to: String
    public let entries: [Entry]
    public let images: ImageVerdict
    /// The substitutions that applied, each with its count of fields; none when not asked for.
    public private(set) var substitutions: [Substitution] = []

    /// The same diff with every field change that one of `substitutions` explains left out and
    /// counted; an object left with no change is left out. A change is explained when replacing the
    /// substitution's value with its counterpart turns the old value into the new one (the name in
    /// `hft-trading-production-db-credentials`), or, for a field only one side has, turns its path
    /// and value into the other side's (a list item keyed by the environment's name).
    public func substituting(_ substitutions: [Substitution]) -> EnvironmentDiff {
        var counted = substitutions.filter { !$0.from.isEmpty && $0.from != $0.to }
        /// The substitution that turns `old` into a different `new`, if one does.
        func explaining(_ old: String, _ new: String) -> Int? {
            counted.firstIndex { old != new && old.contains($0.from) && old.replacing($0.from, with: $0.to) == new }
        }
        func remaining(_ changes: [FieldChange]) -> [FieldChange] {
            var dropped = Set<Int>()
            for (index, change) in changes.enumerated() {
                if let old = change.from, let new = change.to, let found = explaining(old, new) {
                    counted[found].fields += 1
                    dropped.insert(index)
                }
            }
            // A field only the old side has, matched with one only the new side has.
            for (index, change) in changes.enumerated() where change.to == nil && !dropped.contains(index) {
                guard let old = change.from else { continue }
                for (otherIndex, other) in changes.enumerated() where other.from == nil && !dropped.contains(otherIndex) {
                    guard let new = other.to, let viaPath = explaining(change.path, other.path),
                          old == new || explaining(old, new) != nil else { continue }
                    // Two rows (the old path gone, the new one added) stand for it.
                    counted[viaPath].fields += 2
                    dropped.formUnion([index, otherIndex])
                    break
                }
            }
            return changes.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
        let kept: [Entry] = entries.compactMap { entry in
            switch entry {
            case .added, .removed: return entry
            case .changed(let identity, let changes):
                let left = remaining(changes)
                return left.isEmpty ? nil : .changed(identity: identity, changes: left)
            case .renamed(let kind, let from, let to, let changes):
                return .renamed(kind: kind, from: from, to: to, changes: remaining(changes))
            }
        }
        var diff = EnvironmentDiff(from: from, to: to, entries: kept, images: images)
        diff.substitutions = counted.filter { $0.fields > 0 }
        diff.declared = declared
        return diff
    }

    /// Differences the environments declare on purpose (`only production: live trading, because
    /// …`), stated once above the rows.
    public var declared: [String] = []

    /// The same diff stating `declared` differences.
    public func declaring(_ declared: [String]) -> EnvironmentDiff {
        var copy = self
        copy.declared = declared
        return copy
    }

    init(from: String, to: String, entries: [Entry], images: ImageVerdict) {
        self.from = from
        self.to = to
        self.entries = entries
        self.images = images
    }

    /// Compares two sets of resolved objects (two environments of one revision), with namespaces
    /// normalized: each environment's objects live in its own.
    public static func compare(from: (name: String, objects: [ResolvedObject]), to: (name: String, objects: [ResolvedObject])) -> EnvironmentDiff {
        compare(from: (from.name, from.objects.map(DiffObject.init)), to: (to.name, to.objects.map(DiffObject.init)), skipping: ["metadata.namespace", "metadata.name"])
    }

    /// Compares two sets of objects. Objects match by kind and name; a Namespace matches the other
    /// side's Namespace; left-over objects of one kind pair up as renamed when each side has only
    /// one, or when at least half of their fields agree. `skipped` paths are not compared.
    public static func compare(
        from: (name: String, objects: [DiffObject]), to: (name: String, objects: [DiffObject]), skipping skipped: Set<String> = ["metadata.name"]
    ) -> EnvironmentDiff {
        func key(_ object: DiffObject) -> String {
            object.kind == "Namespace" ? "Namespace/" : "\(object.kind)/\(object.name)"
        }
        func fields(_ object: DiffObject) -> [String: String] {
            Dictionary(DocumentFlattener.leaves(object.document, skipping: skipped).map { ($0.path, $0.value) }, uniquingKeysWith: { $1 })
        }
        let left = Dictionary(from.objects.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let right = Dictionary(to.objects.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        for name in left.keys.sorted() {
            guard let other = right[name] else { continue }
            let changes = fieldChanges(fields(left[name]!), fields(other))
            if !changes.isEmpty { entries.append(.changed(identity: name == "Namespace/" ? "Namespace/\(other.name)" : name, changes: changes)) }
        }
        var onlyLeft = left.keys.filter { right[$0] == nil }.sorted()
        var onlyRight = right.keys.filter { left[$0] == nil }.sorted()
        // Pair leftovers of one kind, most similar first: the only leftover of its kind on each side
        // is the same object renamed if any field agrees; otherwise at least half of them must.
        var pairs: [(String, String, Double)] = []
        for leftKey in onlyLeft {
            for rightKey in onlyRight where kind(of: rightKey) == kind(of: leftKey) {
                pairs.append((leftKey, rightKey, similarity(fields(left[leftKey]!), fields(right[rightKey]!))))
            }
        }
        pairs.sort { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
        for (leftKey, rightKey, score) in pairs where onlyLeft.contains(leftKey) && onlyRight.contains(rightKey) {
            let alone = onlyLeft.filter { kind(of: $0) == kind(of: leftKey) }.count == 1 && onlyRight.filter { kind(of: $0) == kind(of: leftKey) }.count == 1
            guard (alone && score > 0) || score >= 0.5 else { continue }
            entries.append(.renamed(kind: kind(of: leftKey), from: left[leftKey]!.name, to: right[rightKey]!.name,
                                    changes: fieldChanges(fields(left[leftKey]!), fields(right[rightKey]!))))
            onlyLeft.removeAll { $0 == leftKey }
            onlyRight.removeAll { $0 == rightKey }
        }
        entries += onlyLeft.map { .removed(identity: $0) }
        entries += onlyRight.map { .added(identity: $0) }
        return EnvironmentDiff(from: from.name, to: to.name, entries: entries, images: images(from.objects, to.objects))
    }

    /// The kind of an object's identity (`StatefulSet/engine` → `StatefulSet`).
    static func kind(of identity: String) -> String { String(identity.split(separator: "/").first ?? "") }

    private static func fieldChanges(_ left: [String: String], _ right: [String: String]) -> [FieldChange] {
        Set(left.keys).union(right.keys).sorted().compactMap { path in
            left[path] == right[path] ? nil : FieldChange(path: path, from: left[path], to: right[path])
        }
    }

    private static func similarity(_ left: [String: String], _ right: [String: String]) -> Double {
        let paths = Set(left.keys).union(right.keys).subtracting(["apiVersion", "kind"])
        guard !paths.isEmpty else { return 1 }
        return Double(paths.filter { left[$0] != nil && left[$0] == right[$0] }.count) / Double(paths.count)
    }

    private static func images(_ left: [DiffObject], _ right: [DiffObject]) -> ImageVerdict {
        func images(_ objects: [DiffObject]) -> [String: String] {
            Dictionary(objects.flatMap(\.images).map { ($0.container, $0.image) }, uniquingKeysWith: { first, _ in first })
        }
        let before = images(left), after = images(right)
        var differences: [ImageDifference] = []
        var shared: Set<String> = []
        for (key, image) in before.sorted(by: { $0.key < $1.key }) {
            guard let other = after[key] else { continue }
            if other == image { shared.insert(image) } else { differences.append(ImageDifference(container: key, from: image, to: other)) }
        }
        return ImageVerdict(differences: differences, shared: shared.sorted())
    }
}
