/// A growable buffer of bytes that the YAML writer appends to: one allocation per document, and
/// appending a few bytes (an indicator, a line break, an indent) is a store, without the
/// uniqueness and capacity checks of appending to an `Array`. Owned by one writer, freed by it.
struct ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The bytes written so far.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the storage; the buffer must not be used after.
    func deallocate() { base.deallocate() }

    /// The bytes as text (copied into the string's own storage).
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Short runs (a key, a name) are copied byte by byte: for a few bytes, calling `memcpy`
    /// costs more than the copy.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        if count + length > capacity { grow(to: count + length) }
        let destination = base + count
        if length <= 16 {
            for offset in 0..<length { destination[offset] = source[offset] }
        } else {
            destination.update(from: source, count: length)
        }
        count += length
    }

    mutating func append(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        if count + times > capacity { grow(to: count + times) }
        (base + count).update(repeating: byte, count: times)
        count += times
    }

    mutating func append(contentsOf text: some StringProtocol) {
        var text = String(text)
        text.withUTF8 { append($0) }
    }

    /// Drops the last byte written.
    mutating func removeLast() { count -= 1 }

    @inline(never)
    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
