// A Secret with literal values is accepted by a development environment only
// (`Environment.development`); in any other environment's builder it does not compile.
// expected-error@7: no exact matches in call to static method 'buildExpression'
import InfraDSL

let staging = Environment("staging", namespace: "hft-trading-staging") {
    LiteralSecret("database-credentials", stringData: ["password": "hunter2"])
}
