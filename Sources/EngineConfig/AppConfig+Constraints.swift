import InfraValues

/// The rules of a config that its field types cannot express. Checked whenever a config file is
/// decoded (the engine at start-up) and by the tests over every environment.
extension AppConfig: ValueConstraints {
    public func constraintViolations() -> [ConstraintViolation] {
        var found: [ConstraintViolation] = []
        func require(_ condition: Bool, _ field: String, _ message: String) {
            // A section written in Swift knows its line: findings point there, not at a builder.
            let location: SourceLocation? = switch field.split(separator: ".").first {
            case "resources": resources.location
            case "performance": performance?.location
            default: nil
            }
            if !condition { found.append(ConstraintViolation(field: field, message: message, location: location)) }
        }
        require(!environment.name.isEmpty, "environment.name", "must not be empty")
        require(deployment.replicas >= 1, "deployment.replicas", "must be at least 1, is \(deployment.replicas)")
        if deployment.autoScaling {
            let low = deployment.minReplicas ?? 0, high = deployment.maxReplicas ?? 0
            require(low >= 1, "deployment.min_replicas", "must be at least 1 when auto_scaling is on")
            require(high >= low, "deployment.max_replicas", "must be at least min_replicas (\(low)), is \(high)")
        }
        require(resources.cpu.request <= resources.cpu.limit, "resources.cpu.request", "exceeds the limit \(resources.cpu.limit)")
        require(resources.memory.request <= resources.memory.limit, "resources.memory.request", "exceeds the limit \(resources.memory.limit)")
        require(!database.host.isEmpty, "database.host", "must not be empty")
        require((1...10_000).contains(database.poolSize), "database.pool_size", "must be between 1 and 10000, is \(database.poolSize)")
        switch redis.mode {
        case .standalone:
            require(redis.host.map { !$0.isEmpty } ?? false, "redis.host", "is required in standalone mode")
            require((0...15).contains(redis.db ?? 0), "redis.db", "must be between 0 and 15")
        case .cluster:
            require(!(redis.nodes ?? []).isEmpty, "redis.nodes", "is required in cluster mode")
            for (index, node) in (redis.nodes ?? []).enumerated() {
                let parts = node.split(separator: ":")
                require(parts.count == 2 && Int(parts[1]).map { (1...65535).contains($0) } == true,
                        "redis.nodes.\(index)", "'\(node)' is not host:port")
            }
        }
        require(logging.rotation.maxFiles >= 1, "logging.rotation.max_files", "must be at least 1, is \(logging.rotation.maxFiles)")
        require(logging.rotation.maxSize.bytes >= 1024, "logging.rotation.max_size", "must be at least 1Ki")
        require(metrics.interval.seconds > 0, "metrics.interval", "must be positive")
        require(network.bufferSize > 0, "network.buffer_size", "must be positive, is \(network.bufferSize)")
        if let performance {
            require(CPUList(performance.cpuAffinity) != nil, "performance.cpu_affinity", "'\(performance.cpuAffinity)' is not a CPU list such as 0-7 or 0,2,4-6")
            require(performance.numaNode >= 0, "performance.numa_node", "must not be negative")
            if performance.hugePages {
                let bytes = performance.hugePagesMemory?.bytes ?? 0
                require(bytes > 0 && bytes % (2 << 20) == 0, "performance.huge_pages_memory", "must be a positive multiple of 2Mi when huge_pages is on")
            }
            // Pinned threads need CPUs of their own: the static CPU manager gives them only to a
            // Guaranteed container with whole CPUs.
            let cpu = resources.cpu
            require(cpu.request == cpu.limit && cpu.limit.millicores % 1000 == 0, "resources.cpu.request",
                    "must equal the limit in whole CPUs when performance is set (a Guaranteed pod gets CPUs of its own), is \(cpu.request) of \(cpu.limit)")
            require(resources.memory.request == resources.memory.limit, "resources.memory.request",
                    "must equal the limit when performance is set (a Guaranteed pod), is \(resources.memory.request) of \(resources.memory.limit)")
            if let needed = performance.cpusNeeded {
                require(needed * 1000 <= cpu.limit.millicores, "performance.cpu_affinity", "names \(needed) CPUs but the container is limited to \(cpu.limit)")
            }
        }
        return found
    }
}
