// A network rule names namespaces through declared NamespaceReference values only: a namespace no
// static member declares (here a misspelling of kube-system), or a bare string, does not compile.
// (A reference built inline with NamespaceReference("...") compiles; the reachability check finds
// one that names no namespace of the environment or its declared external ones.)
// expected-error@9: type 'NamespaceReference' has no member 'kubesystem'
// expected-error@10: cannot convert value of type 'String' to expected argument type 'NamespaceReference'
import InfraDSL

let dns: NetworkPeer = .namespace(.kubesystem)
let monitoring: NetworkPeer = .namespace("monitoring")
