// A probe names its port by a ContainerPort value, the one the container declares: a port number or
// a bare name does not compile. (Which container declared it is the port check's, at gen time.)
// expected-error@8: cannot convert value of type 'Int' to expected argument type 'ContainerPort'
// expected-error@9: cannot convert value of type 'String' to expected argument type 'ContainerPort'
import InfraDSL

let http = ContainerPort("http", 8080)
let liveness = Probe(.httpGet(path: "/health/live", port: 8080))
let readiness = Probe(.httpGet(path: "/health/ready", port: "http"))
