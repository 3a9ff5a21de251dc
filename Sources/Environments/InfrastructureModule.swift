import InfraDSL

/// The Terraform root module of staging and production: it creates what ``Infrastructure``'s
/// variables size. The seed's `terraform/aws` had RDS and ElastiCache modules behind hand-run
/// `terraform apply -target` calls, and a password copied by hand from the secrets manager into a
/// Secret; here:
///
/// - RDS PostgreSQL with its parameter and subnet groups, read replicas, encryption with the
///   environment's own key, backups, IAM authentication, logs exported, enhanced monitoring,
///   deletion protection in production;
/// - ElastiCache Redis, cluster mode as the config says, TLS in transit, encryption at rest, an AUTH
///   token;
/// - the database password and the cache token, generated during the run and written only to
///   Secrets Manager and, through write-only attributes, to the database: never in a file of this
///   repository, a variable or (the password) Terraform's state;
/// - a security group for the data subnets that admits only the engines' nodes;
/// - the private DNS names the ExternalName Services point at (``ManagedServices``);
/// - the role the secrets reader's service account assumes to read exactly those two secrets.
///
/// The VPC, its subnets, the cluster and the engine nodes' security group belong to the platform and
/// are looked up by name. No provider can be downloaded here: `python-hcl2` reads the files and
/// checkov's Terraform policies run over them in the test command.
enum InfrastructureModule {
    static let providers = [
        TerraformProvider("aws", source: "hashicorp/aws", version: "~> 5.80") {
            HCLAttribute.expression("region", "var.region")
            HCLAttribute("allowed_account_ids", .list([.expression("var.aws_account_id")]))
            HCLBlock("default_tags") { HCLAttribute.expression("tags", "var.tags") }
        },
    ]

    static func module(_ stage: Stage, variables: [TerraformVariable]) -> TerraformModule {
        let prefix = Infrastructure.prefix(stage)
        let network = Network(prefix: prefix)
        let key = Key(prefix: prefix)
        let secrets = Secrets(key: key, slackWebhook: Monitoring.routesAlerts(stage))
        let database = Database(stage, prefix: prefix, network: network, key: key, password: secrets.databasePassword)
        let cache = Cache(stage, prefix: prefix, network: network, key: key, token: secrets.cacheAuthToken)
        let reader = SecretsReader(stage, prefix: prefix, secrets: [secrets.database, secrets.cache] + [secrets.slackWebhook].compactMap { $0 }, key: key.key)
        let records = ManagedServices.endpoints(stage).map { record($0, stage: stage, network: network, database: database, cache: cache) }
        let blocks = network.blocks + key.blocks + secrets.blocks + database.blocks + cache.blocks + reader.blocks + records
        return TerraformModule(providers: providers, variables: variables, blocks: blocks, outputs: [
            TerraformOutput("db_endpoint", database.primary["address"], description: "The primary's host name."),
            TerraformOutput("db_reader_endpoints", .expression("[for replica in aws_db_instance.replica : replica.address]"), description: "The read replicas' host names, in order."),
            TerraformOutput("cache_endpoint", .expression(cache.endpoint), description: "Where clients connect: the configuration endpoint in cluster mode, the primary otherwise."),
            TerraformOutput("db_credentials_secret_arn", secrets.database["arn"], description: "The secret holding the database user and password (read by the ExternalSecret)."),
            TerraformOutput("cache_credentials_secret_arn", secrets.cache["arn"], description: "The secret holding the cache's AUTH token (read by the ExternalSecret)."),
            TerraformOutput("secrets_reader_role_arn", reader.role["arn"], description: "The role the secrets reader's service account assumes."),
        ])
    }

    /// The private name the ExternalName Service of `endpoint` points at.
    private static func record(_ endpoint: ManagedServices.Endpoint, stage: Stage, network: Network, database: Database, cache: Cache) -> TerraformBlock {
        let target: String = switch endpoint.role {
        case .database: "\(database.primary.address).address"
        case .databaseReplica(let index): "\(database.replica.address)[\(index)].address"
        case .cache: cache.endpoint
        }
        return .resource("aws_route53_record", endpoint.service.replacingOccurrences(of: "-", with: "_")) {
            HCLAttribute("zone_id", network.zone["zone_id"])
            HCLAttribute("name", .string(endpoint.privateName(stage.name)))
            HCLAttribute("type", "CNAME")
            HCLAttribute("ttl", 60)
            HCLAttribute("records", .list([.expression(target)]))
        }
    }

    /// The platform's VPC, data subnets, engine nodes and private zone, and the data subnets' own
    /// security group.
    struct Network {
        let vpc: TerraformBlock
        let subnets: TerraformBlock
        let engineNodes: TerraformBlock
        let zone: TerraformBlock
        let dataGroup: TerraformBlock
        let rules: [TerraformBlock]

        init(prefix: String) {
            let vpc = TerraformBlock.data("aws_vpc", "main") {
                HCLAttribute("tags", .object([HCLAttribute("Name", .expression("var.vpc_name"))]))
            }
            self.vpc = vpc
            // The data subnets are carved from the data range, one /24 per zone.
            subnets = .data("aws_subnets", "data") {
                HCLBlock("filter") {
                    HCLAttribute("name", "vpc-id")
                    HCLAttribute("values", .list([vpc["id"]]))
                }
                HCLBlock("filter") {
                    HCLAttribute("name", "cidr-block")
                    HCLAttribute.expression("values", "[for zone in range(3) : cidrsubnet(var.data_subnet_cidr, 4, zone)]")
                }
            }
            engineNodes = .data("aws_security_group", "engine_nodes") {
                HCLAttribute("vpc_id", vpc["id"])
                HCLAttribute.expression("name", "var.engine_node_security_group_name")
            }
            zone = .data("aws_route53_zone", "internal") {
                HCLAttribute("name", .string(ManagedServices.zone))
                HCLAttribute("private_zone", true)
                HCLAttribute("vpc_id", vpc["id"])
            }
            dataGroup = .resource("aws_security_group", "data") {
                HCLAttribute("name", .string("\(prefix)-data"))
                HCLAttribute("description", "Managed database and cache: reachable from the engine nodes only")
                HCLAttribute("vpc_id", vpc["id"])
            }
            let group = dataGroup, nodes = engineNodes
            rules = [("postgres", "PostgreSQL", "var.db_port"), ("redis", "Redis", "var.cache_port")].map { name, what, port in
                .resource("aws_vpc_security_group_ingress_rule", name) {
                    HCLAttribute("security_group_id", group["id"])
                    HCLAttribute("description", .string("\(what) from the engine nodes"))
                    HCLAttribute("referenced_security_group_id", nodes["id"])
                    HCLAttribute("ip_protocol", "tcp")
                    HCLAttribute.expression("from_port", port)
                    HCLAttribute.expression("to_port", port)
                }
            }
        }

        var blocks: [TerraformBlock] { [vpc, subnets, engineNodes, zone, dataGroup] + rules }
    }

    /// The environment's own key: the database, its snapshots and insights, the cache and both
    /// secrets are encrypted with it.
    struct Key {
        let identity: TerraformBlock
        let policy: TerraformBlock
        let key: TerraformBlock
        let alias: TerraformBlock

        init(prefix: String) {
            identity = .data("aws_caller_identity", "current") {}
            let account = identity
            policy = TerraformBlock.data("aws_iam_policy_document", "data_key") {
                HCLBlock("statement") {
                    HCLAttribute("sid", "AccountAdministersTheKey")
                    HCLAttribute("actions", .list(["kms:*"]))
                    HCLAttribute("resources", .list(["*"]))
                    HCLBlock("principals") {
                        HCLAttribute("type", "AWS")
                        HCLAttribute("identifiers", .list([.expression("format(\"arn:aws:iam::%s:root\", \(account.address).account_id)")]))
                    }
                }
            }
            .skipping("CKV_AWS_111", because: "a key policy's resource \"*\" is the key itself; the account's IAM policies grant its use")
            .skipping("CKV_AWS_356", because: "a key policy's resource \"*\" is the key itself")
            .skipping("CKV_AWS_109", because: "the account root administers its own key, as in the policy AWS gives every key")
            let document = policy
            key = .resource("aws_kms_key", "data") {
                HCLAttribute("description", .string("\(prefix): database, cache and their secrets"))
                HCLAttribute("enable_key_rotation", true)
                HCLAttribute("deletion_window_in_days", 30)
                HCLAttribute("policy", document["json"])
            }
            let created = key
            alias = .resource("aws_kms_alias", "data") {
                HCLAttribute("name", .string("alias/\(prefix)-data"))
                HCLAttribute("target_key_id", created["key_id"])
            }
        }

        var blocks: [TerraformBlock] { [identity, policy, key, alias] }
    }

    /// The generated credentials and the Secrets Manager secrets holding them, named by the
    /// variables the ExternalSecrets read. Each credential is generated by Secrets Manager during
    /// the run (an ephemeral resource: never stored in Terraform's state) and handed only to
    /// write-only attributes, which take it when `credentials_version` changes: raising it makes
    /// new credentials and writes each to its secret and to the database in one apply.
    struct Secrets {
        let databasePassword: TerraformBlock
        let cacheToken: TerraformBlock
        let database: TerraformBlock
        let cache: TerraformBlock
        let versions: [TerraformBlock]
        /// The cache's token as stored: ElastiCache's `auth_token` is not write-only, so it is read
        /// back from the secret (and kept in the state, encrypted like any state holding one).
        let storedCacheToken: TerraformBlock
        /// The Slack webhook URL Alertmanager posts to, where the environment routes alerts: Slack
        /// issues it, so a person sets the value; Terraform only creates the secret.
        let slackWebhook: TerraformBlock?

        init(key: Key, slackWebhook routesAlerts: Bool) {
            // Letters and digits: RDS refuses '/', '@', '"' and spaces in a password, and Redis
            // AUTH tokens allow only printable characters without '@', '"' and '/'.
            databasePassword = .ephemeral("aws_secretsmanager_random_password", "database") {
                HCLAttribute("password_length", 32)
                HCLAttribute("exclude_punctuation", true)
            }
            cacheToken = .ephemeral("aws_secretsmanager_random_password", "cache") {
                HCLAttribute("password_length", 64)
                HCLAttribute("exclude_punctuation", true)
            }
            let rotation = "rotation is raising credentials_version, which generates new credentials and writes them to the secret and the database in one apply; no rotation function is deployed"
            database = Self.secret("database", named: "db_credentials_secret_name", "The engine's database user and password", key: key, rotation: rotation)
            cache = Self.secret("cache", named: "cache_credentials_secret_name", "The cache's AUTH token", key: key, rotation: rotation)
            let databaseSecret = database, cacheSecret = cache, password = databasePassword, token = cacheToken
            let databaseVersion = TerraformBlock.resource("aws_secretsmanager_secret_version", "database") {
                HCLAttribute("secret_id", databaseSecret["id"])
                HCLAttribute.expression("secret_string_wo", "jsonencode({ username = var.db_username, password = \(password.address).random_password })")
                HCLAttribute.expression("secret_string_wo_version", "var.credentials_version")
            }
            let cacheVersion = TerraformBlock.resource("aws_secretsmanager_secret_version", "cache") {
                HCLAttribute("secret_id", cacheSecret["id"])
                HCLAttribute.expression("secret_string_wo", "jsonencode({ auth_token = \(token.address).random_password })")
                HCLAttribute.expression("secret_string_wo_version", "var.credentials_version")
            }
            versions = [databaseVersion, cacheVersion]
            slackWebhook = routesAlerts
                ? Self.secret(
                    "slack_webhook", named: "slack_webhook_secret_name", "The Slack webhook URL Alertmanager posts to (set with aws secretsmanager put-secret-value)",
                    key: key, rotation: "Slack issues the webhook URL; it is replaced by hand when Slack reissues it")
                : nil
            storedCacheToken = .data("aws_secretsmanager_secret_version", "cache") {
                HCLAttribute("secret_id", cacheSecret["id"])
                HCLAttribute("depends_on", .list([.expression(cacheVersion.address)]))
            }
        }

        /// A secret named by the variable `variable`, encrypted with the environment's key, and
        /// how it is rotated (the scanner asks for a rotation function).
        private static func secret(
            _ name: String, named variable: String, _ description: String, key: Key, rotation: String,
            file: StaticString = #filePath, line: UInt = #line
        ) -> TerraformBlock {
            TerraformBlock.resource("aws_secretsmanager_secret", name, file: file, line: line) {
                HCLAttribute.expression("name", "var.\(variable)")
                HCLAttribute("description", .string(description))
                HCLAttribute("kms_key_id", key.key["arn"])
                HCLAttribute("recovery_window_in_days", 7)
            }
            .skipping("CKV2_AWS_57", because: rotation)
        }

        /// The cache's AUTH token, from the stored secret.
        var cacheAuthToken: HCLValue { .expression("jsondecode(\(storedCacheToken.address).secret_string).auth_token") }

        var blocks: [TerraformBlock] { [databasePassword, cacheToken, database, cache] + versions + [storedCacheToken] + [slackWebhook].compactMap { $0 } }
    }
}
