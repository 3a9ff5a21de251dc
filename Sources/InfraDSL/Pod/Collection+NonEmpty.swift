import KubernetesAPI

extension Collection {
    /// The collection, or nil when it is empty: the generated API leaves an absent field out and
    /// writes an empty one, and the model writes no empty lists or maps.
    var nonEmpty: Self? { isEmpty ? nil : self }
}
