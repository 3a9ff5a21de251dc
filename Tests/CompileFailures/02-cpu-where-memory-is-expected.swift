// A CPU amount where memory is expected does not compile.
// expected-error@5: cannot convert value of type 'CPU' to expected argument type 'Memory'
import InfraDSL

let resources = ComputeResources(cpu: .cores(1), memory: CPU.cores(2))
