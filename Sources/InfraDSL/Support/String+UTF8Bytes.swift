extension String {
    /// `body` over the string's UTF-8 bytes in place, from a non-mutating context: the standard
    /// library's `withUTF8` is `mutating` because it may first copy a string that has no
    /// contiguous UTF-8 storage (one bridged from another representation); a native string is read
    /// where it is, a small one from the stack. Iterating these bytes is several times cheaper
    /// than iterating `utf8`.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var string = self
        return string.withUTF8(body)
    }
}
