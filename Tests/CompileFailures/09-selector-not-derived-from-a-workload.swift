// Services and disruption budgets take the workload itself, never a hand-written selector.
// expected-error@6: incorrect argument label in call (have '_:selector:ports:', expected '_:selecting:ports:')
// expected-error@7: missing argument for parameter 'protecting' in call
import InfraDSL

let service = Service("engine", selector: ["app": "engine"], ports: [ServicePort("http", 8080)])
let budget = PodDisruptionBudget("engine", .minAvailable(.count(1)))
