// Values placed in the wrong builder do not compile: a container directly in an environment, an
// environment variable among a pod's containers and volumes.
// expected-error@8: no exact matches in call to static method 'buildExpression'
// expected-error@12: no exact matches in call to static method 'buildExpression'
import InfraDSL

let environment = Environment("test", namespace: "test") {
    Container("engine", image: "engine:1")
}

let template = PodTemplate {
    EnvVar("LOG_LEVEL", "info")
}
