import CustomResources
import InfraDSL

/// How the credentials Terraform generates reach the engines in staging and production: External
/// Secrets makes each Secret the engine reads from the secret Terraform created in AWS Secrets
/// Manager, reading as the `secrets-reader` service account, whose IAM role (made by
/// ``InfrastructureModule``) may read exactly those secrets. The seed copied the password by hand
/// with `aws secretsmanager get-secret-value` and `kubectl create secret`, so a rotated password
/// never reached the pods. Development keeps its generated development-only Secret.
enum SecretDelivery {
    /// The namespace's store: Secrets Manager in the environment's region.
    static let storeName = "aws-secrets-manager"
    /// How often External Secrets reads the secrets again (a rotated credential arrives within it).
    static let refreshInterval = "1h"

    /// Whether the engine authenticates to a managed cache (whose token it then reads).
    static func usesManagedCache(_ stage: Stage) -> Bool {
        if case .managed = stage.redis { true } else { false }
    }

    /// The service account, the store and one ExternalSecret per Secret the engine reads; nothing
    /// for an environment outside the cloud.
    static func objects(_ stage: Stage) -> [any Resource] {
        guard let cloud = stage.cloud else { return [] }
        var objects: [any Resource] = [
            serviceAccount(stage, cloud: cloud),
            APIObject(store(cloud)),
            APIObject(externalSecret(Common.databaseSecret, from: Infrastructure.databaseSecretName(stage), keys: [
                ("username", "username"), ("password", "password"),
            ])),
        ]
        if usesManagedCache(stage) {
            objects.append(APIObject(externalSecret(Common.cacheSecret, from: Infrastructure.cacheSecretName(stage), keys: [
                ("auth-token", "auth_token"),
            ])))
        }
        if Monitoring.routesAlerts(stage) {
            // The whole secret is the URL (no JSON property).
            objects.append(APIObject(externalSecret(Monitoring.slackSecret, from: Infrastructure.slackWebhookSecretName(stage), keys: [
                (Monitoring.slackSecretKey, nil),
            ])))
        }
        return objects
    }

    /// The IAM role ``InfrastructureModule`` creates for the reader.
    static func roleARN(_ stage: Stage, cloud: CloudPlacement) -> String {
        "arn:aws:iam::\(cloud.account):role/\(Infrastructure.prefix(stage))-secrets-reader"
    }

    /// The reader's identity: no token in any pod (only External Secrets asks for one, for the store).
    private static func serviceAccount(_ stage: Stage, cloud: CloudPlacement) -> ServiceAccount {
        ServiceAccount(Common.secretsReader, automountToken: false)
            .annotations(["eks.amazonaws.com/role-arn": .init(roleARN(stage, cloud: cloud))])
    }

    private static func store(_ cloud: CloudPlacement) -> ExternalSecretsV1beta1.SecretStore {
        typealias Provider = ExternalSecretsV1beta1.SecretStore.Spec.Provider
        let aws = Provider.Aws(
            auth: .init(jwt: .init(serviceAccountRef: .init(name: Common.secretsReader))),
            region: cloud.region, service: .secretsManager)
        return .init(metadata: .init(name: storeName), spec: .init(provider: Provider(aws: aws)))
    }

    /// An ExternalSecret making Secret `name` from `keys` (Secret key, JSON property, or nil for the
    /// whole value) of the secret `remote`.
    private static func externalSecret(_ name: String, from remote: String, keys: [(String, String?)]) -> ExternalSecretsV1beta1.ExternalSecret {
        typealias Spec = ExternalSecretsV1beta1.ExternalSecret.Spec
        let data = keys.map { key, property in Spec.DataItem(remoteRef: .init(key: remote, property: property), secretKey: key) }
        return .init(metadata: .init(name: name), spec: Spec(
            data: data, refreshInterval: refreshInterval,
            secretStoreRef: .init(name: storeName, kind: .secretStore),
            target: .init(name: name, creationPolicy: .owner, deletionPolicy: .retain)))
    }
}
