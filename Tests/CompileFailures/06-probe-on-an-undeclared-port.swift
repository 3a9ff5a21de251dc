// Probes and Services name a port by the declared ContainerPort value: a port nobody declared, or a
// bare string, does not compile.
// expected-error@8: cannot find 'metricsPort' in scope
// expected-error@9: no exact matches in call to enum case 'httpGet'
import InfraDSL

let http = ContainerPort("http", 8080)
let liveness = Probe(.httpGet(path: "/health/live", port: metricsPort))
let readiness = Probe(.httpGet(path: "/health/ready", port: "http"))
