// Services and disruption budgets take the workload itself, never a hand-written selector.
// expected-error@7: incorrect argument label in call (have '_:selector:ports:', expected '_:selecting:ports:')
// expected-error@7: initializer 'init(_:selecting:ports:headless:file:line:)' requires that '[String : String]' conform to 'Workload'
// expected-error@8: missing argument for parameter 'protecting' in call
import InfraDSL

let service = Service("engine", selector: ["app": "engine"], ports: [ServicePort("http", 8080)])
let budget = PodDisruptionBudget("engine", .minAvailable(.count(1)))
