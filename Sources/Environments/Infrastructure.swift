import InfraDSL

/// Terraform variables for the managed database (RDS PostgreSQL) and cache (ElastiCache Redis) of
/// staging and production: the seed's `module.rds_staging`, `module.redis_staging` and
/// `production.tfvars`. Values that the config already holds (database name, port, TLS mode, pool
/// sizes, replica and node counts) are taken from it, never written twice.
enum Infrastructure {
    /// How big an environment's managed services are (not in the application config): a value of
    /// its ``CloudPlacement``.
    struct Sizing: Sendable {
        var databaseInstanceClass: String
        var databaseStorageGB: Int
        var multiAZ: Bool
        var backupRetentionDays: Int
        var cacheNodeType: String
        var cacheReplicasPerShard: Int
    }

    /// PostgreSQL must accept every engine's pool at the largest scale, plus room for replication,
    /// migrations and operators.
    static func maxConnections(_ config: AppConfig) -> Int {
        let engines = config.database.poolSize * config.deployment.maximumReplicas
        return engines + engines / 10 + 20
    }

    /// The prefix of every resource's name: `hft-trading-staging`.
    static func prefix(_ stage: Stage) -> String { "hft-trading-\(stage.name)" }

    /// The secret holding the database user and password (``InfrastructureModule`` creates it).
    static func databaseSecretName(_ stage: Stage) -> String { "\(prefix(stage))-db-credentials" }
    /// The secret holding the cache's AUTH token.
    static func cacheSecretName(_ stage: Stage) -> String { "\(prefix(stage))-cache-credentials" }
    /// The secret holding the Slack webhook URL Alertmanager posts to (where the environment routes
    /// alerts): created empty, its value set once by a person.
    static func slackWebhookSecretName(_ stage: Stage) -> String { "\(prefix(stage))-slack-webhook" }

    /// The database's parameter group settings, written into the root module as they are (so the
    /// scanner sees `rds.force_ssl` where it is set).
    static func databaseParameters(_ config: AppConfig) -> [(name: String, value: String)] {
        [
            ("max_connections", "\(maxConnections(config))"),
            // The server refuses plain connections whenever the engines' sslmode requires TLS.
            ("rds.force_ssl", config.database.sslMode >= .require ? "1" : "0"),
            ("log_min_duration_statement", "250"),
        ]
    }

    /// `catalog`: every environment's name, which the `environment` variable must be one of.
    static func variables(_ stage: Stage, cloud: CloudPlacement, catalog: [String] = Catalog.names) -> [TerraformVariable] {
        let config = stage.config
        let sizing = cloud.services
        let prefix = prefix(stage)
        let shards = config.redis.mode == .cluster ? max(config.redis.endpoints.count, 1) : 1
        let variables: [TerraformVariable?] = [
            .oneOf("environment", catalog, description: "The environment these resources belong to.", value: stage.name),
            TerraformVariable("aws_account_id", type: .string, description: "The only AWS account this configuration may be applied to.", value: .string(cloud.account),
                              validations: [TerraformValidation(.pattern(#"^[0-9]{12}$"#), "aws_account_id must be a 12-digit AWS account id.")]),
            TerraformVariable("region", type: .string, description: "The AWS region of the environment.", value: .string(cloud.region),
                              validations: [TerraformValidation(.pattern(#"^[a-z]{2}(-gov)?-[a-z]+-[0-9]$"#), "region must be an AWS region such as us-east-1.")]),
            TerraformVariable("vpc_name", type: .string, description: "The Name tag of the platform's VPC.", value: .string(prefix)),
            TerraformVariable("cluster_name", type: .string, description: "The EKS cluster the engines run in (its OIDC provider signs the service accounts' tokens).", value: .string(prefix)),
            TerraformVariable("data_subnet_cidr", type: .string, description: "The VPC's data subnets (a /24 per zone carved from it), which the engines' egress policy allows.", value: .string(cloud.dataSubnets),
                              validations: [TerraformValidation(.cidrBlock, "data_subnet_cidr must be a CIDR block.")]),
            TerraformVariable("engine_node_security_group_name", type: .string, description: "The engine nodes' security group, the only one the data subnets admit.", value: .string("\(prefix)-engine-nodes")),
            TerraformVariable("db_subnet_group_name", type: .string, description: "The DB subnet group in the data subnets.", value: .string("\(prefix)-data")),
            TerraformVariable("db_engine_version", type: .string, description: "PostgreSQL version (development runs the postgres:15 image).", value: "15.5",
                              validations: [TerraformValidation(.pattern(#"^15\.[0-9]+$"#), "db_engine_version must be a PostgreSQL 15 release.")]),
            TerraformVariable("db_instance_class", type: .string, description: "RDS instance class.", value: .string(sizing.databaseInstanceClass),
                              validations: [TerraformValidation(.pattern(#"^db\."#), "db_instance_class must be an RDS class (db.*).")]),
            .integer("db_allocated_storage_gb", in: 20...65536, description: "Storage allocated at creation, in GiB.", value: sizing.databaseStorageGB),
            .integer("db_max_allocated_storage_gb", in: 20...65536, description: "Ceiling for storage autoscaling, in GiB.", value: sizing.databaseStorageGB * 2),
            TerraformVariable("db_multi_az", type: .bool, description: "Whether a standby runs in a second zone.", value: .bool(sizing.multiAZ)),
            .integer("db_read_replica_count", in: 0...5, description: "Read replicas (config.database.read_replicas).", value: config.database.readReplicas.count),
            .integer("db_backup_retention_days", in: 1...35, description: "Days of automated backups.", value: sizing.backupRetentionDays),
            TerraformVariable("db_name", type: .string, description: "The database (config.database.database).", value: .string(config.database.database)),
            .integer("db_port", in: 1...65535, description: "The database port (config.database.port).", value: config.database.port.number),
            TerraformVariable("db_username", type: .string, description: "The engine's database user.", value: "hft_engine"),
            .integer("credentials_version", in: 1...1_000_000, description: "Raise by one to generate new database and cache credentials (written to their secrets and the servers in one apply).", value: 1),
            TerraformVariable("db_credentials_secret_name", type: .string, description: "The secret Terraform creates with the database user and generated password.", value: .string(databaseSecretName(stage))),
            TerraformVariable("cache_engine_version", type: .string, description: "Redis version (development runs the redis:7 image).", value: "7.1"),
            TerraformVariable("cache_node_type", type: .string, description: "ElastiCache node type.", value: .string(sizing.cacheNodeType),
                              validations: [TerraformValidation(.pattern(#"^cache\."#), "cache_node_type must be an ElastiCache type (cache.*).")]),
            TerraformVariable("cache_cluster_mode_enabled", type: .bool, description: "Cluster mode (config.redis.mode).", value: .bool(config.redis.mode == .cluster)),
            .integer("cache_num_node_groups", in: 1...90, description: "Shards (the config's cluster nodes).", value: shards),
            .integer("cache_replicas_per_node_group", in: 0...5, description: "Replicas per shard.", value: sizing.cacheReplicasPerShard),
            .integer("cache_port", in: 1...65535, description: "The Redis port (from config.redis).", value: config.redis.endpoints.first?.port ?? 6379),
            TerraformVariable("cache_parameter_group_family", type: .string, description: "ElastiCache parameter group family.", value: "redis7"),
            TerraformVariable("cache_credentials_secret_name", type: .string, description: "The secret Terraform creates with the cache's generated AUTH token.", value: .string(cacheSecretName(stage))),
            Monitoring.routesAlerts(stage)
                ? TerraformVariable("slack_webhook_secret_name", type: .string, description: "The secret holding the Slack webhook URL Alertmanager posts to; its value is set by a person (aws secretsmanager put-secret-value).", value: .string(slackWebhookSecretName(stage)))
                : nil,
            TerraformVariable("tags", type: .map(.string), description: "Tags on every resource.", value: .object([
                HCLAttribute("Application", .string(config.application.name)),
                HCLAttribute("Environment", .string(stage.name)),
                HCLAttribute("ManagedBy", "infradsl"),
                HCLAttribute("Tier", .string(stage.tier.rawValue)),
            ])),
        ]
        return variables.compactMap { $0 }
    }

    /// The engine's node groups, from the same values as the pods' placement and the kubelet files
    /// under `nodes/` (none where the config has no `performance` section).
    static func nodeGroupVariables(_ stage: Stage) -> [TerraformVariable] {
        let pools = LowLatency.nodePools(stage)
        guard let first = pools.first else { return [] }
        let eksEffect: [Taint.Effect: String] = [.noSchedule: "NO_SCHEDULE", .preferNoSchedule: "PREFER_NO_SCHEDULE", .noExecute: "NO_EXECUTE"]
        let groupType = TerraformType.object([
            ("instance_type", .string), ("desired_size", .number), ("reserved_cpus", .string), ("kubelet_config_file", .string),
        ])
        return [
            TerraformVariable("engine_node_labels", type: .map(.string), description: "Labels of every engine node (the pods' nodeSelector).",
                              value: .object(LowLatency.poolLabels.pairs.map { HCLAttribute($0.key, .string($0.value)) })),
            TerraformVariable("engine_node_taints", type: .list(.object([("key", .string), ("value", .string), ("effect", .string)])),
                              description: "Taints of every engine node (the pods tolerate them), in EKS's spelling.",
                              value: .list(first.taints.map { taint in
                                  .object([HCLAttribute("key", .string(taint.key)), HCLAttribute("value", .string(taint.value ?? "")), HCLAttribute("effect", .string(eksEffect[taint.effect]!))])
                              })),
            .integer("engine_node_hugepages_2mi", in: 0...1_048_576, description: "2 MiB huge pages each engine node reserves at boot (kernel command line).", value: first.hugePages2MiPerNode),
            TerraformVariable("engine_node_groups", type: .map(groupType), description: "The engine's node groups; each node's kubelet runs with the file named here (under the environment's output).",
                              value: .object(pools.map { pool in
                                  HCLAttribute(pool.name, .object([
                                      HCLAttribute("instance_type", .string(pool.instanceType)), HCLAttribute("desired_size", .number(pool.nodes)),
                                      HCLAttribute("reserved_cpus", .string(pool.kubelet.reservedSystemCPUs)),
                                      HCLAttribute("kubelet_config_file", .string("nodes/\(pool.name)/kubelet-config.yaml")),
                                  ]))
                              })),
        ]
    }

    /// `terraform/`: the root module, its variables and their values, for an environment in the cloud.
    static func files(_ stage: Stage, catalog: [String] = Catalog.names) -> [Artifact] {
        guard let cloud = stage.cloud else { return [] }
        let variables = variables(stage, cloud: cloud, catalog: catalog) + nodeGroupVariables(stage)
        let header = ["Generated by `swift run gen` from Sources/Environments; do not edit."]
        return [
            Artifact("terraform/main.tf", .terraform(InfrastructureModule.module(stage, variables: variables), header: header)),
            Artifact("terraform/variables.tf", .text(TerraformFiles.variables(variables, header: header))),
            Artifact("terraform/\(stage.name).tfvars", .tfvars(variables, header: header)),
        ]
    }
}
