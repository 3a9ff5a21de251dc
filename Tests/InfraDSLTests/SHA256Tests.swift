import Foundation
import Testing
import TestSupport
@testable import InfraDSL

/// The fingerprint hash must agree with coreutils' `sha256sum` on every length around block edges.
@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func agreesWithSha256sum() throws {
        var generator = SplitMix64(seed: 7)
        for length in [1, 55, 56, 63, 64, 65, 119, 120, 1000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("input")
            try Data(bytes).write(to: file)
            let result = try TestSupport.shell("sha256sum '\(file.path)'")
            #expect(result.output.hasPrefix(SHA256.hex(bytes) + " "), "length \(length)")
        }
    }
}
