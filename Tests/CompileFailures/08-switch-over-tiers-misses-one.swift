// Tiers are a closed enum: a switch that forgets one does not compile.
// expected-error@6: switch must be exhaustive
import Environments

func replicas(for tier: Tier) -> Int {
    switch tier {
    case .dev: return 1
    case .staging: return 3
    }
}
