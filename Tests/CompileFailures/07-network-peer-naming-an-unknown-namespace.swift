// A network rule names namespaces through declared NamespaceReference values only: a misspelt or
// undeclared namespace, or a bare string, does not compile.
// expected-error@7: type 'NamespaceReference' has no member 'kubesystem'
// expected-error@8: cannot convert value of type 'String' to expected argument type 'NamespaceReference'
import InfraDSL

let dns: NetworkPeer = .namespace(.kubesystem)
let monitoring: NetworkPeer = .namespace("monitoring")
