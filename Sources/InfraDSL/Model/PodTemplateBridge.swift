import KubernetesAPI

/// Reads a generated pod template into the pod model the checks read (containers, environment,
/// ports, mounts, volumes, probes, resources, security, placement). Every part is placed at the
/// line that wrote the object.
struct PodTemplateBridge {
    let location: SourceLocation

    func template(_ spec: CoreV1.PodTemplateSpec?) -> PodTemplate {
        let pod = spec?.spec
        var parts: [PodPart] = []
        let initContainers = (pod?.initContainers ?? []).map(container)
        if !initContainers.isEmpty { parts.append(.initContainers(initContainers)) }
        for item in pod?.containers ?? [] { parts.append(.container(container(item))) }
        for item in pod?.volumes ?? [] {
            if let volume = volume(item) { parts.append(.volume(volume)) }
        }
        var template = PodTemplate(labels: Labels(spec?.metadata?.labels), annotations: Labels(spec?.metadata?.annotations)) { parts }
        template.location = location
        if let seconds = pod?.terminationGracePeriodSeconds { template = template.terminationGracePeriod(Seconds(seconds)) }
        if let selector = pod?.nodeSelector, !selector.isEmpty { template = template.nodeSelector(Labels(selector)) }
        if let account = pod?.serviceAccountName { template = template.serviceAccountName(account) }
        if let mount = pod?.automountServiceAccountToken { template = template.automountServiceAccountToken(mount) }
        if let priority = pod?.priorityClassName { template = template.priorityClassName(priority) }
        if let security = pod?.securityContext {
            var context = PodSecurityContext(
                runAsNonRoot: security.runAsNonRoot, runAsUser: security.runAsUser, runAsGroup: security.runAsGroup,
                fsGroup: security.fsGroup, sysctls: (security.sysctls ?? []).map { Sysctl($0.name, $0.value) },
                seccompProfile: security.seccompProfile.flatMap { SeccompProfile(rawValue: $0.type.rawValue) })
            context.location = location
            template = template.securityContext(context)
        }
        return template
    }

    private func container(_ item: CoreV1.Container) -> Container {
        var parts: [ContainerPart] = []
        for variable in item.env ?? [] {
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
            env.location = location
            parts.append(.env(env))
        }
        for port in item.ports ?? [] {
            var declared = ContainerPort(
                port.name ?? "port-\(port.containerPort)", Port(port.containerPort),
                protocol: port.protocol.flatMap { PortProtocol(rawValue: $0.rawValue) } ?? .tcp)
            declared.location = location
            parts.append(.port(declared))
        }
        for mount in item.volumeMounts ?? [] {
            var declared = VolumeMount(mount.name, at: mount.mountPath, readOnly: mount.readOnly ?? false, subPath: mount.subPath)
            declared.location = location
            parts.append(.mount(declared))
        }
        var container = Container(item.name, image: item.image ?? "") { parts }
        container.location = location
        if let command = item.command, !command.isEmpty { container = container.command(command) }
        if let args = item.args, !args.isEmpty { container = container.args(args) }
        if let directory = item.workingDir { container = container.workingDir(directory) }
        if let policy = item.imagePullPolicy { container = container.imagePullPolicy(policy.rawValue) }
        if let resources = item.resources {
            var requirements = ResourceRequirements(requests: compute(resources.requests), limits: compute(resources.limits))
            requirements.location = location
            container = container.resources(requirements)
        }
        if let probe = item.livenessProbe.flatMap(probe) { container = container.livenessProbe(probe) }
        if let probe = item.readinessProbe.flatMap(probe) { container = container.readinessProbe(probe) }
        if let probe = item.startupProbe.flatMap(probe) { container = container.startupProbe(probe) }
        if let preStop = item.lifecycle?.preStop, let handler = handler(preStop) { container = container.preStop(handler) }
        if let security = item.securityContext {
            var context = SecurityContext(
                privileged: security.privileged, allowPrivilegeEscalation: security.allowPrivilegeEscalation,
                runAsNonRoot: security.runAsNonRoot, runAsUser: security.runAsUser, runAsGroup: security.runAsGroup,
                readOnlyRootFilesystem: security.readOnlyRootFilesystem,
                addCapabilities: (security.capabilities?.add ?? []).map { Capability(stringLiteral: $0) },
                dropCapabilities: (security.capabilities?.drop ?? []).map { Capability(stringLiteral: $0) },
                seccompProfile: security.seccompProfile.flatMap { SeccompProfile(rawValue: $0.type.rawValue) })
            context.location = location
            container = container.securityContext(context)
        }
        return container
    }

    /// Quantities the units cannot hold exactly are left out here; validation reports them.
    private func compute(_ map: StringMap<Quantity>?) -> ComputeResources {
        ComputeResources(
            cpu: map?["cpu"].flatMap { QuantityParser.milliUnits($0.text) }.map { .millicores(Int($0)) },
            memory: map?["memory"].flatMap { QuantityParser.bytes($0.text) }.map { .bytes($0) },
            ephemeralStorage: map?["ephemeral-storage"].flatMap { QuantityParser.bytes($0.text) }.map { .bytes($0) })
    }

    private func port(_ value: IntOrString) -> PortReference {
        switch value {
        case .int(let number): .number(Port(number))
        case .string(let name): .name(name)
        }
    }

    private func handler(_ item: CoreV1.LifecycleHandler) -> Handler? {
        if let get = item.httpGet { return .httpGet(path: get.path ?? "/", port: port(get.port), scheme: get.scheme?.rawValue) }
        if let socket = item.tcpSocket { return .tcpSocket(port: port(socket.port)) }
        if let exec = item.exec { return .exec(exec.command ?? []) }
        if let sleep = item.sleep { return .sleep(Seconds(sleep.seconds)) }
        return nil
    }

    private func probe(_ item: CoreV1.Probe) -> Probe? {
        let handler: Handler
        if let get = item.httpGet {
            handler = .httpGet(path: get.path ?? "/", port: port(get.port), scheme: get.scheme?.rawValue)
        } else if let socket = item.tcpSocket {
            handler = .tcpSocket(port: port(socket.port))
        } else if let exec = item.exec {
            handler = .exec(exec.command ?? [])
        } else if let grpc = item.grpc {
            // The pod model has no gRPC probe; what the checks ask of a probe is its port.
            handler = .tcpSocket(port: .number(Port(grpc.port)))
        } else {
            return nil
        }
        var probe = Probe(
            handler, initialDelay: item.initialDelaySeconds.map { Seconds($0) }, period: item.periodSeconds.map { Seconds($0) },
            timeout: item.timeoutSeconds.map { Seconds($0) }, failureThreshold: item.failureThreshold,
            successThreshold: item.successThreshold)
        probe.location = location
        return probe
    }

    private func volume(_ item: CoreV1.Volume) -> Volume? {
        let source: Volume.Source
        if let configMap = item.configMap {
            source = .configMap(configMap.name ?? "", defaultMode: configMap.defaultMode)
        } else if let secret = item.secret {
            source = .secret(secret.secretName ?? "", defaultMode: secret.defaultMode)
        } else if let emptyDir = item.emptyDir {
            source = .emptyDir(sizeLimit: emptyDir.sizeLimit.flatMap { QuantityParser.bytes($0.text) }.map { .bytes($0) }, memory: emptyDir.medium == "Memory")
        } else if let claim = item.persistentVolumeClaim {
            source = .persistentVolumeClaim(claim.claimName, readOnly: claim.readOnly ?? false)
        } else {
            return nil
        }
        var volume = Volume(item.name, source)
        volume.location = location
        return volume
    }
}
