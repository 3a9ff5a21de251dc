/// An IPv4 network in CIDR notation, for deciding whether an `ipBlock` covers a destination.
struct IPv4Network: Hashable, Sendable {
    let address: UInt32
    let prefix: Int

    init?(_ cidr: String) {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        let octets = parts[0].split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        address = octets.reduce(0) { $0 << 8 | $1 }
        self.prefix = prefix
    }

    private var mask: UInt32 { prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix) }

    /// Whether every address of `other` is in this network.
    func contains(_ other: IPv4Network) -> Bool {
        other.prefix >= prefix && (other.address & mask) == (address & mask)
    }

    /// Whether the networks share any address.
    func overlaps(_ other: IPv4Network) -> Bool { contains(other) || other.contains(self) }

    /// The whole address space.
    static let everything = IPv4Network("0.0.0.0/0")!
}
