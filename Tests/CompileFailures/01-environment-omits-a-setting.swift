// A new environment that forgets a setting every environment must choose does not compile.
// expected-error@14: missing argument for parameter 'performance' in call
import Environments
import InfraDSL

let settings = EnvironmentSettings(
    environment: EnvironmentInfo(name: "qa", tier: .staging),
    deployment: .fixed(1),
    resources: ResourcesConfig(cpu: .init(request: .cores(1), limit: .cores(2)), memory: .init(request: .gi(1), limit: .gi(2))),
    database: DatabaseConfig(host: "db", port: 5432, database: "qa", poolSize: 5, sslMode: .require, readReplicas: []),
    redis: .standalone(host: "redis", port: 6379, db: 0, ssl: true),
    logLevel: .info, logOutput: .stdout,
    features: FeaturesConfig(debugMode: false, profiling: false, mockMarketData: false),
    externalHTTPS: false
)
