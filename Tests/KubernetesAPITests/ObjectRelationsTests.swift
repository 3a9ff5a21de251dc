import CustomResources
import Foundation
import InfraDSL
import KubernetesAPI
import Testing

/// What custom resources make and name, as the `reference` check sees it: an ExternalSecret's
/// Secret counts as present, and the store it reads from and the service account the store
/// authenticates as must exist.
@Suite struct ObjectRelationsTests {
    typealias ExternalSecret = ExternalSecretsV1beta1.ExternalSecret
    typealias SecretStore = ExternalSecretsV1beta1.SecretStore

    static let store = SecretStore(metadata: .init(name: "vault"), spec: .init(provider: .init(aws: .init(
        auth: .init(jwt: .init(serviceAccountRef: .init(name: "reader"))), region: "eu-west-1", service: .secretsManager))))

    static func externalSecret(store: String = "vault", target: String? = nil) -> ExternalSecret {
        ExternalSecret(metadata: .init(name: "api-token"), spec: .init(
            data: [.init(remoteRef: .init(key: "team/api", property: "token"), secretKey: "token")],
            secretStoreRef: .init(name: store, kind: .secretStore), target: target.map { .init(name: $0) }))
    }

    static func job(reading secret: String) -> BatchV1.Job {
        var container = CoreV1.Container(name: "sync", image: "registry.example.com/sync@sha256:\(String(repeating: "cd", count: 32))")
        container.env = [CoreV1.EnvVar(name: "TOKEN", valueFrom: .init(secretKeyRef: .init(name: secret, key: "token")))]
        return BatchV1.Job(metadata: .init(name: "sync"), spec: .init(template: .init(spec: .init(containers: [container], restartPolicy: .never))))
    }

    /// The `reference` findings of an environment holding `parts`, as "line message".
    static func references(@EnvironmentBuilder _ parts: () -> [EnvironmentPart]) -> [String] {
        let environment = Environment("relations", namespace: "relations", kind: .restricted, location: SourceLocation(#filePath, #line), parts: parts())
        do {
            _ = try Generator.renderAll([environment])
            return []
        } catch {
            return error.diagnostics.filter { $0.check == "reference" }.map { "\($0.location.line) \($0.message)" }
        }
    }

    @Test func aSecretAnExternalSecretMakesIsThere() {
        #expect(Self.references {
            CoreV1.ServiceAccount(metadata: .init(name: "reader"))
            Self.store
            Self.externalSecret()
            Self.job(reading: "api-token")
        } == [])
        #expect(Self.externalSecret(target: "renamed").producedObjects == [ObjectName(kind: "Secret", name: "renamed")])
    }

    @Test func aSecretNothingMakesIsAFindingAtTheWorkloadsLine() {
        let line = #line + 5
        let found = Self.references {
            CoreV1.ServiceAccount(metadata: .init(name: "reader"))
            Self.store
            Self.externalSecret(target: "other-name")
            Self.job(reading: "api-token")
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(line) references Secret 'api-token', which is neither defined here nor declared external") == true, "\(found)")
    }

    @Test func aMissingStoreAndAMissingServiceAccountAreFindingsAtTheirLines() {
        let storeLine = #line + 3, secretLine = #line + 4
        let found = Self.references {
            Self.job(reading: "api-token")
            Self.store
            Self.externalSecret(store: "valut")
        }
        #expect(found.sorted() == [
            "\(secretLine) references SecretStore 'valut', which is neither defined here nor declared external",
            "\(storeLine) references ServiceAccount 'reader', which is neither defined here nor declared external",
        ].sorted(), "\(found)")
    }
}

/// An AlertmanagerConfig's receivers name the Secrets they read.
@Suite struct AlertmanagerConfigRelationsTests {
    @Test func aSlackWebhookSecretNothingMakesIsAFindingAtTheConfigsLine() {
        let routing = MonitoringV1alpha1.AlertmanagerConfig(metadata: .init(name: "routing"), spec: .init(
            receivers: [.init(name: "team", slackConfigs: [.init(apiURL: .init(name: "slack", key: "url"), channel: "#alerts")])],
            route: .init(receiver: "team")))
        let line = #line + 2
        let found = ObjectRelationsTests.references {
            routing
        }
        #expect(found == ["\(line) references Secret 'slack', which is neither defined here nor declared external"], "\(found)")
    }
}
