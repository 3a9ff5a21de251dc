// Memory where a CPU amount is expected does not compile, nor does a memory unit on a CPU field.
// expected-error@7: cannot convert value of type 'Memory' to expected argument type 'CPU'
// expected-error@8: type 'CPU?' has no member 'gi'
import InfraDSL

// The two lines below must fail.
let swapped = ComputeResources(cpu: Memory.gi(4))
let unit = ComputeResources(cpu: .gi(4))
