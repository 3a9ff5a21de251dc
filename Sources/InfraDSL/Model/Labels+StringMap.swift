import KubernetesAPI

extension Labels {
    /// The labels of a generated object's map (`metadata.labels`, `matchLabels`); none for nil.
    public init(_ map: StringMap<String>?) {
        self.init(map?.map { ($0.key, $0.value) } ?? [])
    }

    /// The map a generated object holds, nil when there are no labels (the field is then left out):
    ///
    /// ```swift
    /// MetaV1.ObjectMeta(name: "alerts", labels: Labels(["team": "trading"]).stringMap)
    /// ```
    public var stringMap: StringMap<String>? {
        isEmpty ? nil : StringMap(sorted: pairs)
    }
}
