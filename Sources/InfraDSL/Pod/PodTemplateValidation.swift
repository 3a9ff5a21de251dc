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
        reportDuplicates(containers: allContainers, volumes: volumes, into: &context)
        let volumeNames = Set(volumes.map(\.name)).union(claims)
        for volume in volumes {
            context.checkName(volume.name, field: "spec/volumes/\(volume.name)", label: true, at: volume.location)
        }
        for container in allContainers {
            context.within("spec", "containers", container.name) { context in
                container.validate(&context, volumes: volumeNames)
            }
        }
    }

    private func reportDuplicates(containers: [Container], volumes: [Volume], into context: inout ValidationContext) {
        var seenContainers = Set<String>()
        for container in containers where !seenContainers.insert(container.name).inserted {
            context.error("duplicate", "container '\(container.name)' is declared twice in one pod", field: "spec/containers", at: container.location)
        }
        var seenVolumes = Set<String>()
        for volume in volumes where !seenVolumes.insert(volume.name).inserted {
            context.error("duplicate", "volume '\(volume.name)' is declared twice in one pod", field: "spec/volumes", at: volume.location)
        }
    }
}

extension Container {
    func validate(_ context: inout ValidationContext, volumes: Set<String>) {
        context.checkName(name, field: "name", label: true, at: location)
        if image.isEmpty { context.error("image", "the image is empty", field: "image", at: location) }
        var portNames = Set<String>()
        for port in ports {
            context.checkPort(port.port, field: "ports/\(port.name)", at: port.location)
            if port.name.count > 15 || NameRules.dns1123LabelProblem(port.name) != nil {
                context.error("name", "port name '\(port.name)' must be a lower-case DNS-1123 label of at most 15 characters", field: "ports/\(port.name)", at: port.location)
            }
            if !portNames.insert(port.name).inserted {
                context.error("duplicate", "port name '\(port.name)' is declared twice", field: "ports/\(port.name)", at: port.location)
            }
        }
        var envNames = Set<String>()
        for variable in env where !envNames.insert(variable.name).inserted {
            context.error("duplicate", "environment variable '\(variable.name)' is set twice; only the last one takes effect", field: "env/\(variable.name)", at: variable.location)
        }
        for mount in volumeMounts where !volumes.contains(mount.volume) {
            context.error("reference", "mounts volume '\(mount.volume)', which the pod does not declare", field: "volumeMounts/\(mount.volume)", at: mount.location)
        }
        resources?.validate(&context)
        let probes = [("livenessProbe", livenessProbe), ("readinessProbe", readinessProbe), ("startupProbe", startupProbe)]
        for case let (field, probe?) in probes {
            probe.validate(&context, field: field)
            if case .name(let portName)? = probe.handler.port, port(named: portName) == nil {
                context.error("port", "\(field) targets port '\(portName)', which the container does not declare", field: field, at: probe.location)
            }
            if case .number(let number)? = probe.handler.port {
                context.checkPort(number, field: field, at: probe.location)
            }
        }
    }
}
