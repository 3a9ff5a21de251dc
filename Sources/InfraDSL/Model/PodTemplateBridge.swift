import KubernetesAPI

/// Reads a generated pod template into the pod model the checks read (containers, environment,
/// ports, mounts, volumes, probes, resources, security, placement). Every part is placed at the
/// line that wrote the object, or, for an object read from a manifest, at the YAML line of the part.
struct PodTemplateBridge {
    let location: SourceLocation
    /// The manifest's lines, for an object read from one.
    var lines: ManifestLines? = nil
    /// Where the pod template is in the object (`spec/template` for a Deployment).
    var templatePath: [String] = []

    /// Where the part at `path` (from the pod template) was written.
    private func at(_ path: [String]) -> SourceLocation {
        guard let lines, let line = lines.line(of: templatePath + path) else { return location }
        return SourceLocation(path: lines.file, line: line)
    }

    func template(_ spec: CoreV1.PodTemplateSpec?) -> PodTemplate {
        let pod = spec?.spec
        var parts: [PodPart] = []
        let initContainers = (pod?.initContainers ?? []).enumerated().map { container($1, at: ["spec", "initContainers", "\($0)"]) }
        if !initContainers.isEmpty { parts.append(.initContainers(initContainers)) }
        for (index, item) in (pod?.containers ?? []).enumerated() { parts.append(.container(container(item, at: ["spec", "containers", "\(index)"]))) }
        for (index, item) in (pod?.volumes ?? []).enumerated() {
            parts.append(.volume(volume(item, at: ["spec", "volumes", "\(index)"])))
        }
        var template = PodTemplate(labels: Labels(spec?.metadata?.labels), annotations: Labels(spec?.metadata?.annotations)) { parts }
        template.location = at([])
        if let seconds = pod?.terminationGracePeriodSeconds { template = template.terminationGracePeriod(Seconds(seconds)) }
        if let selector = pod?.nodeSelector, !selector.isEmpty { template = template.nodeSelector(Labels(selector)) }
        if let tolerations = pod?.tolerations { template = template.tolerating(tolerations.compactMap(Taint.init(generated:))) }
        if let account = pod?.serviceAccountName { template = template.serviceAccountName(account) }
        if let mount = pod?.automountServiceAccountToken { template = template.automountServiceAccountToken(mount) }
        if let priority = pod?.priorityClassName { template = template.priorityClassName(priority) }
        if let security = pod?.securityContext {
            var context = PodSecurityContext(
                runAsNonRoot: security.runAsNonRoot, runAsUser: security.runAsUser, runAsGroup: security.runAsGroup,
                fsGroup: security.fsGroup, sysctls: (security.sysctls ?? []).map { Sysctl($0.name, $0.value) },
                seccompProfile: security.seccompProfile.flatMap { SeccompProfile(rawValue: $0.type.rawValue) })
            context.location = at(["spec", "securityContext"])
            template = template.securityContext(context)
        }
        if let affinity = pod?.affinity { template = template.affinity(self.affinity(affinity)) }
        return template
    }

    private func affinity(_ item: CoreV1.Affinity) -> Affinity {
        let nodeTerms = (item.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []).map { term in
            (term.matchExpressions ?? []).compactMap { expression in
                LabelRequirement.Operator(rawValue: expression.operator.rawValue).map { LabelRequirement(expression.key, $0, expression.values ?? []) }
            }
        }
        func required(_ terms: [CoreV1.PodAffinityTerm]?) -> [PodAffinityTerm] {
            (terms ?? []).map { PodAffinityTerm(selector: LabelSelector(generated: $0.labelSelector), topologyKey: $0.topologyKey) }
        }
        let preferred = (item.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map { weighted in
            WeightedPodAffinityTerm(weight: weighted.weight, PodAffinityTerm(
                selector: LabelSelector(generated: weighted.podAffinityTerm.labelSelector), topologyKey: weighted.podAffinityTerm.topologyKey))
        }
        var affinity = Affinity(
            requiredNodeTerms: nodeTerms,
            requiredPodAffinity: required(item.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
            requiredPodAntiAffinity: required(item.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
            preferredPodAntiAffinity: preferred)
        affinity.location = at(["spec", "affinity"])
        return affinity
    }

    private func container(_ item: CoreV1.Container, at path: [String]) -> Container {
        var parts: [ContainerPart] = []
        for (index, variable) in (item.env ?? []).enumerated() {
            var env: EnvVar
            if let secret = variable.valueFrom?.secretKeyRef {
                env = EnvVar(variable.name, from: .secretKey(secret: secret.name ?? "", key: secret.key))
            } else if let configMap = variable.valueFrom?.configMapKeyRef {
                env = EnvVar(variable.name, from: .configMapKey(configMap: configMap.name ?? "", key: configMap.key))
            } else if let field = variable.valueFrom?.fieldRef {
                env = EnvVar(variable.name, from: .field(path: field.fieldPath))
            } else {
                env = EnvVar(variable.name, variable.value ?? "")
            }
            env.location = at(path + ["env", "\(index)"])
            parts.append(.env(env))
        }
        for (index, port) in (item.ports ?? []).enumerated() {
            var declared = ContainerPort(
                port.name ?? "port-\(port.containerPort)", Port(port.containerPort),
                protocol: port.protocol.flatMap { PortProtocol(rawValue: $0.rawValue) } ?? .tcp)
            declared.location = at(path + ["ports", "\(index)"])
            parts.append(.port(declared))
        }
        for (index, mount) in (item.volumeMounts ?? []).enumerated() {
            var declared = VolumeMount(mount.name, at: mount.mountPath, readOnly: mount.readOnly ?? false, subPath: mount.subPath)
            declared.location = at(path + ["volumeMounts", "\(index)"])
            parts.append(.mount(declared))
        }
        var container = Container(item.name, image: item.image ?? "") { parts }
        container.location = at(path)
        if let command = item.command, !command.isEmpty { container = container.command(command) }
        if let args = item.args, !args.isEmpty { container = container.args(args) }
        if let directory = item.workingDir { container = container.workingDir(directory) }
        if let policy = item.imagePullPolicy { container = container.imagePullPolicy(policy.rawValue) }
        if let resources = item.resources {
            var requirements = ResourceRequirements(requests: compute(resources.requests), limits: compute(resources.limits))
            requirements.location = at(path + ["resources"])
            container = container.resources(requirements)
        }
        if let probe = item.livenessProbe.flatMap({ probe($0, at: path + ["livenessProbe"]) }) { container = container.livenessProbe(probe) }
        if let probe = item.readinessProbe.flatMap({ probe($0, at: path + ["readinessProbe"]) }) { container = container.readinessProbe(probe) }
        if let probe = item.startupProbe.flatMap({ probe($0, at: path + ["startupProbe"]) }) { container = container.startupProbe(probe) }
        if let preStop = item.lifecycle?.preStop, let handler = handler(preStop) { container = container.preStop(handler) }
        if let security = item.securityContext {
            var context = SecurityContext(
                privileged: security.privileged, allowPrivilegeEscalation: security.allowPrivilegeEscalation,
                runAsNonRoot: security.runAsNonRoot, runAsUser: security.runAsUser, runAsGroup: security.runAsGroup,
                readOnlyRootFilesystem: security.readOnlyRootFilesystem,
                addCapabilities: (security.capabilities?.add ?? []).map { Capability(stringLiteral: $0) },
                dropCapabilities: (security.capabilities?.drop ?? []).map { Capability(stringLiteral: $0) },
                seccompProfile: security.seccompProfile.flatMap { SeccompProfile(rawValue: $0.type.rawValue) })
            context.location = at(path + ["securityContext"])
            container = container.securityContext(context)
        }
        return container
    }

    /// Quantities the units cannot hold exactly are left out here; validation reports them.
    private func compute(_ map: StringMap<Quantity>?) -> ComputeResources {
        ComputeResources(
            cpu: map?["cpu"].flatMap { QuantityParser.milliUnits($0.text) }.map { .millicores(Int($0)) },
            memory: map?["memory"].flatMap { QuantityParser.bytes($0.text) }.map { .bytes($0) },
            ephemeralStorage: map?["ephemeral-storage"].flatMap { QuantityParser.bytes($0.text) }.map { .bytes($0) },
            hugePages2Mi: map?["hugepages-2Mi"].flatMap { QuantityParser.bytes($0.text) }.map { .bytes($0) })
    }

    private func handler(_ item: CoreV1.LifecycleHandler) -> Handler? {
        if let get = item.httpGet { return .httpGet(path: get.path ?? "/", reading: PortReference(generated: get.port), scheme: get.scheme?.rawValue) }
        if let socket = item.tcpSocket { return .tcpSocket(reading: PortReference(generated: socket.port)) }
        if let exec = item.exec { return .exec(exec.command ?? []) }
        if let sleep = item.sleep { return .sleep(Seconds(sleep.seconds)) }
        return nil
    }

    private func probe(_ item: CoreV1.Probe, at path: [String]) -> Probe? {
        let handler: Handler
        if let get = item.httpGet {
            handler = .httpGet(path: get.path ?? "/", reading: PortReference(generated: get.port), scheme: get.scheme?.rawValue)
        } else if let socket = item.tcpSocket {
            handler = .tcpSocket(reading: PortReference(generated: socket.port))
        } else if let exec = item.exec {
            handler = .exec(exec.command ?? [])
        } else if let grpc = item.grpc {
            // The pod model has no gRPC probe; what the checks ask of a probe is its port.
            handler = .tcpSocket(reading: .number(Port(grpc.port)))
        } else {
            return nil
        }
        var probe = Probe(
            handler, initialDelay: item.initialDelaySeconds.map { Seconds($0) }, period: item.periodSeconds.map { Seconds($0) },
            timeout: item.timeoutSeconds.map { Seconds($0) }, failureThreshold: item.failureThreshold,
            successThreshold: item.successThreshold)
        probe.location = at(path)
        return probe
    }

    private func volume(_ item: CoreV1.Volume, at path: [String]) -> Volume {
        let source: Volume.Source
        if let configMap = item.configMap {
            source = .configMap(configMap.name ?? "", defaultMode: configMap.defaultMode)
        } else if let secret = item.secret {
            source = .secret(secret.secretName ?? "", defaultMode: secret.defaultMode)
        } else if let emptyDir = item.emptyDir, emptyDir.medium == "HugePages" || emptyDir.medium == "HugePages-2Mi" {
            source = .hugePages
        } else if let emptyDir = item.emptyDir {
            source = .emptyDir(sizeLimit: emptyDir.sizeLimit.flatMap { QuantityParser.bytes($0.text) }.map { .bytes($0) }, memory: emptyDir.medium == "Memory")
        } else if let claim = item.persistentVolumeClaim {
            source = .persistentVolumeClaim(claim.claimName, readOnly: claim.readOnly ?? false)
        } else {
            source = .other(item)
        }
        var volume = Volume(item.name, source)
        volume.location = at(path)
        return volume
    }
}
