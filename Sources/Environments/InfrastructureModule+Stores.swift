import InfraDSL

extension InfrastructureModule {
    /// RDS PostgreSQL: the primary, its read replicas (as many as the config names), their
    /// parameter and subnet groups and the role enhanced monitoring runs as.
    struct Database {
        let subnetGroup: TerraformBlock
        let parameters: TerraformBlock
        let monitoring: [TerraformBlock]
        let primary: TerraformBlock
        let replica: TerraformBlock

        init(_ stage: Stage, prefix: String, network: Network, key: Key, password: TerraformBlock) {
            // `password` is ephemeral: only the write-only `password_wo` may take it.
            let subnets = network.subnets
            subnetGroup = .resource("aws_db_subnet_group", "main") {
                HCLAttribute.expression("name", "var.db_subnet_group_name")
                HCLAttribute("subnet_ids", subnets["ids"])
                HCLBlock("lifecycle") {
                    HCLBlock("precondition") {
                        HCLAttribute.expression("condition", "length(\(subnets.address).ids) >= 2")
                        HCLAttribute("error_message", "RDS needs data subnets in at least two zones (/24s carved from data_subnet_cidr).")
                    }
                }
            }
            parameters = .resource("aws_db_parameter_group", "main") {
                HCLAttribute("name", .string(prefix))
                HCLAttribute.expression("family", "format(\"postgres%s\", split(\".\", var.db_engine_version)[0])")
                for parameter in Infrastructure.databaseParameters(stage.config) {
                    HCLBlock("parameter") {
                        HCLAttribute("name", .string(parameter.name))
                        HCLAttribute("value", .string(parameter.value))
                    }
                }
            }
            let trust = TerraformBlock.data("aws_iam_policy_document", "rds_monitoring_trust") {
                HCLBlock("statement") {
                    HCLAttribute("actions", .list(["sts:AssumeRole"]))
                    HCLBlock("principals") {
                        HCLAttribute("type", "Service")
                        HCLAttribute("identifiers", .list(["monitoring.rds.amazonaws.com"]))
                    }
                }
            }
            let role = TerraformBlock.resource("aws_iam_role", "rds_monitoring") {
                HCLAttribute("name", .string("\(prefix)-rds-monitoring"))
                HCLAttribute("assume_role_policy", trust["json"])
            }
            monitoring = [trust, role, .resource("aws_iam_role_policy_attachment", "rds_monitoring") {
                HCLAttribute("role", role["name"])
                HCLAttribute("policy_arn", "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole")
            }]
            let shared = Self.shared(stage, network: network, key: key, parameters: parameters, monitoring: role)
            let group = subnetGroup
            var primary = TerraformBlock.resource("aws_db_instance", "main") {
                HCLAttribute("identifier", .string(prefix))
                HCLAttribute("engine", "postgres")
                HCLAttribute.expression("engine_version", "var.db_engine_version")
                HCLAttribute.expression("instance_class", "var.db_instance_class")
                HCLAttribute("storage_type", "gp3")
                HCLAttribute.expression("allocated_storage", "var.db_allocated_storage_gb")
                HCLAttribute.expression("max_allocated_storage", "var.db_max_allocated_storage_gb")
                HCLAttribute.expression("db_name", "var.db_name")
                HCLAttribute.expression("username", "var.db_username")
                HCLAttribute("password_wo", password["random_password"])
                HCLAttribute.expression("password_wo_version", "var.credentials_version")
                HCLAttribute.expression("port", "var.db_port")
                HCLAttribute("db_subnet_group_name", group["name"])
                HCLAttribute.expression("backup_retention_period", "var.db_backup_retention_days")
                HCLAttribute("skip_final_snapshot", false)
                HCLAttribute("final_snapshot_identifier", .string("\(prefix)-final"))
                shared
            }
            var replica = TerraformBlock.resource("aws_db_instance", "replica") {
                HCLAttribute.expression("count", "var.db_read_replica_count")
                HCLAttribute.expression("identifier", "format(\"\(prefix)-replica-%d\", count.index + 1)")
                HCLAttribute.expression("replicate_source_db", "aws_db_instance.main.identifier")
                HCLAttribute.expression("instance_class", "var.db_instance_class")
                // A replica is deleted with its data on the primary: no final snapshot of its own.
                HCLAttribute("skip_final_snapshot", true)
                shared
            }
            if !stage.diverges(.live) {
                let reason = "only production's database is protected from deletion; \(stage.name)'s is rebuilt from production's snapshots"
                primary = primary.skipping("CKV_AWS_293", because: reason)
                replica = replica.skipping("CKV_AWS_293", because: reason)
            }
            self.primary = primary
            self.replica = replica
        }

        /// What the primary and every replica set alike.
        private static func shared(_ stage: Stage, network: Network, key: Key, parameters: TerraformBlock, monitoring: TerraformBlock) -> [HCLBodyItem] {
            [
                .attribute("parameter_group_name", parameters["name"]),
                .attribute("vpc_security_group_ids", .list([network.dataGroup["id"]])),
                .attribute("multi_az", .expression("var.db_multi_az")),
                .attribute("publicly_accessible", false),
                .attribute("storage_encrypted", true),
                .attribute("kms_key_id", key.key["arn"]),
                .attribute("iam_database_authentication_enabled", true),
                .attribute("enabled_cloudwatch_logs_exports", .list(["postgresql", "upgrade"])),
                .attribute("auto_minor_version_upgrade", true),
                .attribute("copy_tags_to_snapshot", true),
                .attribute("deletion_protection", .bool(stage.diverges(.live))),
                .attribute("monitoring_interval", 60),
                .attribute("monitoring_role_arn", monitoring["arn"]),
                .attribute("performance_insights_enabled", true),
                .attribute("performance_insights_kms_key_id", key.key["arn"]),
            ]
        }

        var blocks: [TerraformBlock] { [subnetGroup, parameters] + monitoring + [primary, replica] }
    }

    /// ElastiCache Redis: one replication group, in cluster mode when the config lists cluster
    /// nodes, TLS in transit as the config requires, encrypted at rest, with an AUTH token.
    struct Cache {
        let subnetGroup: TerraformBlock
        let parameters: TerraformBlock
        let group: TerraformBlock

        init(_ stage: Stage, prefix: String, network: Network, key: Key, token: HCLValue) {
            let subnets = network.subnets
            subnetGroup = .resource("aws_elasticache_subnet_group", "main") {
                HCLAttribute("name", .string("\(prefix)-data"))
                HCLAttribute("subnet_ids", subnets["ids"])
            }
            parameters = .resource("aws_elasticache_parameter_group", "main") {
                HCLAttribute("name", .string("\(prefix)-cache"))
                HCLAttribute.expression("family", "var.cache_parameter_group_family")
                HCLBlock("parameter") {
                    HCLAttribute("name", "cluster-enabled")
                    HCLAttribute.expression("value", "var.cache_cluster_mode_enabled ? \"yes\" : \"no\"")
                }
            }
            let subnetGroup = subnetGroup, parameters = parameters
            group = .resource("aws_elasticache_replication_group", "main") {
                HCLAttribute("replication_group_id", .string(prefix))
                HCLAttribute("description", "The engines' cache")
                HCLAttribute("engine", "redis")
                HCLAttribute.expression("engine_version", "var.cache_engine_version")
                HCLAttribute.expression("node_type", "var.cache_node_type")
                HCLAttribute.expression("port", "var.cache_port")
                HCLAttribute("parameter_group_name", parameters["name"])
                HCLAttribute("subnet_group_name", subnetGroup["name"])
                HCLAttribute("security_group_ids", .list([network.dataGroup["id"]]))
                HCLAttribute.expression("num_node_groups", "var.cache_num_node_groups")
                HCLAttribute.expression("replicas_per_node_group", "var.cache_replicas_per_node_group")
                HCLAttribute.expression("automatic_failover_enabled", "var.cache_cluster_mode_enabled || var.cache_replicas_per_node_group > 0")
                HCLAttribute.expression("multi_az_enabled", "var.cache_replicas_per_node_group > 0")
                HCLAttribute("at_rest_encryption_enabled", true)
                HCLAttribute("kms_key_id", key.key["arn"])
                // From the config (redis.ssl): the engines connect with TLS or not at all.
                HCLAttribute("transit_encryption_enabled", .bool(stage.config.redis.ssl))
                HCLAttribute("auth_token", token)
                // A new token is accepted alongside the old one until every engine has rolled.
                HCLAttribute("auth_token_update_strategy", "ROTATE")
            }
        }

        /// Where clients connect: the configuration endpoint in cluster mode (each cluster node the
        /// config names is a seed that resolves to it), the primary otherwise.
        var endpoint: String {
            "var.cache_cluster_mode_enabled ? \(group.address).configuration_endpoint_address : \(group.address).primary_endpoint_address"
        }

        var blocks: [TerraformBlock] { [subnetGroup, parameters, group] }
    }

    /// The role the secrets reader's service account assumes (through the cluster's OIDC
    /// provider): it may read the two secrets and decrypt them, nothing else.
    struct SecretsReader {
        let cluster: TerraformBlock
        let provider: TerraformBlock
        let trust: TerraformBlock
        let role: TerraformBlock
        let permissions: TerraformBlock
        let policy: TerraformBlock

        init(_ stage: Stage, prefix: String, secrets: [TerraformBlock], key: TerraformBlock) {
            cluster = .data("aws_eks_cluster", "main") { HCLAttribute.expression("name", "var.cluster_name") }
            let issuer = "\(cluster.address).identity[0].oidc[0].issuer"
            provider = .data("aws_iam_openid_connect_provider", "cluster") { HCLAttribute.expression("url", issuer) }
            let provider = provider
            let serviceAccount = "system:serviceaccount:\(stage.namespace):\(Common.secretsReader)"
            trust = .data("aws_iam_policy_document", "secrets_reader_trust") {
                HCLBlock("statement") {
                    HCLAttribute("actions", .list(["sts:AssumeRoleWithWebIdentity"]))
                    HCLBlock("principals") {
                        HCLAttribute("type", "Federated")
                        HCLAttribute("identifiers", .list([provider["arn"]]))
                    }
                    HCLBlock("condition") {
                        HCLAttribute("test", "StringEquals")
                        HCLAttribute.expression("variable", "format(\"%s:sub\", replace(\(issuer), \"https://\", \"\"))")
                        HCLAttribute("values", .list([.string(serviceAccount)]))
                    }
                }
            }
            let trust = trust
            role = .resource("aws_iam_role", "secrets_reader") {
                HCLAttribute("name", .string("\(prefix)-secrets-reader"))
                HCLAttribute("assume_role_policy", trust["json"])
            }
            permissions = .data("aws_iam_policy_document", "secrets_reader") {
                HCLBlock("statement") {
                    HCLAttribute("actions", .list(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]))
                    HCLAttribute("resources", .list(secrets.map { $0["arn"] }))
                }
                HCLBlock("statement") {
                    HCLAttribute("actions", .list(["kms:Decrypt"]))
                    HCLAttribute("resources", .list([key["arn"]]))
                }
            }
            let role = role, permissions = permissions
            policy = .resource("aws_iam_role_policy", "secrets_reader") {
                HCLAttribute("name", "read-engine-secrets")
                HCLAttribute("role", role["id"])
                HCLAttribute("policy", permissions["json"])
            }
        }

        var blocks: [TerraformBlock] { [cluster, provider, trust, role, permissions, policy] }
    }
}
