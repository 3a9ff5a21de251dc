import Testing
@testable import InfraDSL

@Suite struct UnitsTests {
    @Test(arguments: [
        (CPU.millicores(500), "500m"), (.cores(2), "2"), (.millicores(1000), "1"), (.millicores(1500), "1500m"),
        (.millicores(0), "0"), (.cores(64), "64"),
    ])
    func cpuRendersCanonically(_ cpu: CPU, _ expected: String) {
        #expect(cpu.quantity == expected)
    }

    @Test(arguments: [
        (Memory.gi(4), "4Gi"), (.mi(512), "512Mi"), (.mi(1536), "1536Mi"), (.mi(2048), "2Gi"),
        (.ki(1024), "1Mi"), (.bytes(1000), "1k"), (.bytes(1001), "1001"), (.megabytes(100), "100M"), (.bytes(0), "0"), (.ti(1), "1Ti"), (.gi(1024), "1Ti"),
    ])
    func memoryRendersWithTheLargestExactBinarySuffix(_ memory: Memory, _ expected: String) {
        #expect(memory.quantity == expected)
    }

    @Test func arithmeticScalesByReplicas() {
        #expect((CPU.cores(4) * 20).quantity == "80")
        #expect((Memory.gi(8) * 20 + .mi(512)).quantity == "164352Mi")
        #expect(Storage.gi(20) * 5 == Storage.gi(100))
        #expect(CPU.millicores(500) < CPU.cores(1))
    }

    @Test func portsOutsideTheValidRangeAreInvalid() {
        #expect(Port(8080).isValid)
        #expect(!Port(0).isValid)
        #expect(!Port(70000).isValid)
    }
}
