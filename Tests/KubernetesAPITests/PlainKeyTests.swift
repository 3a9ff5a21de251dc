import Testing
import TestSupport
@testable import InfraDSL
@testable import KubernetesCodegen

/// The code generator passes a field name to `plainKey` (which the YAML writer does not check) only
/// when the writer's own check would also write it plain.
@Suite struct PlainKeyTests {
    @Test func reservedWordsAndNonIdentifiersAreNotPlain() {
        for word in ["y", "Y", "n", "yes", "No", "TRUE", "false", "on", "Off", "null", "NULL", "nan", "inf", "Inf"] {
            #expect(!PlainKey.isPlain(word), "\(word)")
        }
        for name in ["", "$ref", "3dReplicas", "x-venue-code", "a.b", "a_b", "é", "a b", "a:"] {
            #expect(!PlainKey.isPlain(name), "\(name)")
        }
        for name in ["podSelector", "x509", "apiVersion", "a", "onDelete", "nullable", "yesterday", "inference"] {
            #expect(PlainKey.isPlain(name), "\(name)")
        }
    }

    @Test func everyPlainNameIsSafePlainForTheWriter() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("aeflnorstuyAENOY09-_.$: é")
        var plain = 0
        for _ in 0..<50_000 {
            let name = String((0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            guard PlainKey.isPlain(name) else { continue }
            plain += 1
            #expect(YAMLScalarStyle.isSafePlain(name), "\(name)")
        }
        #expect(plain > 1_000, "only \(plain) plain names were tried")
    }
}
