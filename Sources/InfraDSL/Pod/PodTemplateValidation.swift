extension PodTemplate {
    /// Checks what the API server would reject and what would fail at run time: names, labels,
    /// ports, duplicate names, mounts of undeclared volumes, probes on undeclared ports, requests
    /// above limits.
    func validate(_ context: inout ValidationContext, selector: Labels, claims: Set<String> = []) {
        context.checkLabels(labels, field: "metadata/labels", at: location)
        context.checkAnnotations(annotations, field: "metadata/annotations", at: location)
        if containers.isEmpty {
            context.error("pod", "the pod has no containers", field: "spec/containers", at: location)
        }
        let conflicting = labels.pairs.filter { selector[$0.key] != nil && selector[$0.key] != $0.value }
        for pair in conflicting {
            context.error("selector", "pod label '\(pair.key)=\(pair.value)' contradicts the selector, so the workload would not select its own pods", field: "metadata/labels", at: location)
        }
        let containers = allContainers
        reportDuplicates(containers: containers, volumes: volumes, into: &context)
        for volume in volumes {
            context.checkName(volume.name, field: "spec/volumes/\(volume.name)", label: true, at: volume.location)
        }
        for container in containers {
            context.within("spec", "containers", container.name) { context in
                container.validate(&context, volumes: volumes, claims: claims)
            }
        }
    }

    private func reportDuplicates(containers: [Container], volumes: [Volume], into context: inout ValidationContext) {
        for index in repeatedIndices(containers, by: \.name) {
            context.error("duplicate", "container '\(containers[index].name)' is declared twice in one pod", field: "spec/containers", at: containers[index].location)
        }
        for index in repeatedIndices(volumes, by: \.name) {
            context.error("duplicate", "volume '\(volumes[index].name)' is declared twice in one pod", field: "spec/volumes", at: volumes[index].location)
        }
    }
}

/// The indices of the items whose key an earlier item already has, in order. Pods hold a few
/// containers, ports and variables each: comparing them pairwise allocates nothing, where a set
/// per list was an allocation per list of every pod; long lists still use a set.
func repeatedIndices<Item>(_ items: [Item], by key: (Item) -> String) -> [Int] {
    var repeated: [Int] = []
    if items.count <= 16 {
        for index in items.indices.dropFirst() {
            let name = key(items[index])
            if items[..<index].contains(where: { key($0) == name }) { repeated.append(index) }
        }
    } else {
        var seen = Set<String>()
        for index in items.indices where !seen.insert(key(items[index])).inserted { repeated.append(index) }
    }
    return repeated
}

extension Container {
    func validate(_ context: inout ValidationContext, volumes: [Volume], claims: Set<String>) {
        context.checkName(name, field: "name", label: true, at: location)
        if image.isEmpty { context.error("image", "the image is empty", field: "image", at: location) }
        let ports = ports
        for (index, port) in ports.enumerated() {
            context.checkPort(port.port, field: "ports/\(port.name)", at: port.location)
            if !NameRules.isValidLabel(port.name) || port.name.count > 15 {
                context.error("name", "port name '\(port.name)' must be a lower-case DNS-1123 label of at most 15 characters", field: "ports/\(port.name)", at: port.location)
            }
            // Pairwise: a container declares a few ports, and a set per container cost an allocation.
            if ports[..<index].contains(where: { $0.name == port.name }) {
                context.error("duplicate", "port name '\(port.name)' is declared twice", field: "ports/\(port.name)", at: port.location)
            }
        }
        let env = env
        for index in repeatedIndices(env, by: \.name) {
            context.error("duplicate", "environment variable '\(env[index].name)' is set twice; only the last one takes effect", field: "env/\(env[index].name)", at: env[index].location)
        }
        for mount in volumeMounts where !volumes.contains(where: { $0.name == mount.volume }) && !claims.contains(mount.volume) {
            context.error("reference", "mounts volume '\(mount.volume)', which the pod does not declare", field: "volumeMounts/\(mount.volume)", at: mount.location)
        }
        resources?.validate(&context)
        validate(livenessProbe, "livenessProbe", &context)
        validate(readinessProbe, "readinessProbe", &context)
        validate(startupProbe, "startupProbe", &context)
    }

    private func validate(_ probe: Probe?, _ field: String, _ context: inout ValidationContext) {
        guard let probe else { return }
        probe.validate(&context, field: field)
        if let portName = probe.handler.port?.portName, port(named: portName) == nil {
            context.error("port", "\(field) targets port '\(portName)', which the container does not declare", field: field, at: probe.location)
        }
        if let number = probe.handler.port?.portNumber {
            context.checkPort(number, field: field, at: probe.location)
        }
    }
}
