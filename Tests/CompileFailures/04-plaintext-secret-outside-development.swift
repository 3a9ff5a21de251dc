// A Secret with literal values is accepted by a development environment only
// (`Environment.development`); in any other environment's builder it does not compile, nor can it
// be smuggled in as the Secret inside a LiteralSecret or wrapped as a generated object.
// expected-error@11: no exact matches in call to static method 'buildExpression'
// expected-error@14: 'secret' is inaccessible due to 'internal' protection level
// expected-error@17: initializer 'init(_:file:line:)' requires that 'CoreV1.Secret' conform to 'SecretFreeObject'
import InfraDSL
import KubernetesAPI

let staging = Environment("staging", namespace: "hft-trading-staging") {
    LiteralSecret("database-credentials", stringData: ["password": "hunter2"])
}
let unwrapped = Environment("staging", namespace: "hft-trading-staging") {
    LiteralSecret("database-credentials", stringData: ["password": "hunter2"]).secret
}
let wrapped = Environment("staging", namespace: "hft-trading-staging") {
    APIObject(CoreV1.Secret(metadata: MetaV1.ObjectMeta(name: "database-credentials"), stringData: ["password": "hunter2"]))
}
