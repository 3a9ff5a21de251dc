// A probe, a Service or a network policy names a port by a ContainerPort value, the one the container
// declares: a port number or a bare name does not compile for a probe, and no reference is made from
// a bare name. (Which container declared it is the port check's, at gen time.)
// expected-error@10: cannot convert value of type 'Int' to expected argument type 'ContainerPort'
// expected-error@11: cannot convert value of type 'String' to expected argument type 'ContainerPort'
// expected-error@12: 'name' is inaccessible due to 'internal' protection level
// expected-error@13: 'name' is inaccessible due to 'internal' protection level
import InfraDSL

let liveness = Probe(.httpGet(path: "/health/live", port: 8080))
let readiness = Probe(.httpGet(path: "/health/ready", port: "http"))
let service = ServicePort("http", 80, targetPort: .name("http"))
let policy = NetworkPolicyPort.tcp(.name("http"))
