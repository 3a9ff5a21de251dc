// A Secret of the generated API carries its data in Swift as much as a LiteralSecret does: outside a
// development environment's builder it does not compile either.
// expected-error@9: no exact matches in call to static method 'buildExpression'
import InfraDSL
import KubernetesAPI

let staging = Environment("staging", namespace: "hft-trading-staging") {
    CoreV1.ConfigMap(metadata: MetaV1.ObjectMeta(name: "settings"), data: ["mode": "fast"])
    CoreV1.Secret(metadata: MetaV1.ObjectMeta(name: "database-credentials"), stringData: ["password": "hunter2"])
}
