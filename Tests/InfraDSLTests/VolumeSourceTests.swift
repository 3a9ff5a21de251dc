import KubernetesAPI
import Testing
@testable import InfraDSL

/// A volume of a source the intent type has no case for is written as given, under its own name.
@Suite struct VolumeSourceTests {
    @Test func anotherSourceIsWrittenAsGivenUnderTheVolumesName() {
        let projected = CoreV1.Volume(name: "ignored", projected: .init(sources: [
            .init(serviceAccountToken: .init(audience: "vault", path: "token")),
        ]))
        let volume = Volume("token", .other(projected))
        #expect(volume.generated.name == "token")
        #expect(volume.generated.projected == projected.projected)
        #expect(Volume.Source.other(projected) == volume.source)
        #expect(Volume.Source.other(CoreV1.Volume(name: "token", hostPath: .init(path: "/var/log"))) != volume.source)
        #expect(Set([volume.source, .other(projected), .emptyDir()]).count == 2, "hashing agrees with ==")
    }
}
