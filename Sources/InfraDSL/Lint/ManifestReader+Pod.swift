extension ManifestReader {
    /// A pod template with everything the model covers.
    mutating func podTemplate(_ template: ManifestNode?) -> PodTemplate {
        let metadata = template?["metadata"]
        let spec = template?["spec"]
        var parts: [PodPart] = []
        let initContainers = (spec?["initContainers"]?.items ?? []).map { container($0) }
        if !initContainers.isEmpty { parts.append(.initContainers(initContainers)) }
        for item in spec?["containers"]?.items ?? [] { parts.append(.container(container(item))) }
        for item in spec?["volumes"]?.items ?? [] {
            if let volume = volume(item) { parts.append(.volume(volume)) }
        }
        var pod = PodTemplate(labels: metadata?["labels"]?.stringMap ?? .none, annotations: metadata?["annotations"]?.stringMap ?? .none) { parts }
        pod.location = template?.location ?? pod.location
        if let seconds = spec?["terminationGracePeriodSeconds"]?.int { pod = pod.terminationGracePeriod(Seconds(seconds)) }
        if let selector = spec?["nodeSelector"]?.stringMap, !selector.isEmpty { pod = pod.nodeSelector(selector) }
        if let account = spec?["serviceAccountName"]?.string { pod = pod.serviceAccountName(account) }
        if let mount = spec?["automountServiceAccountToken"]?.bool { pod = pod.automountServiceAccountToken(mount) }
        if let priority = spec?["priorityClassName"]?.string { pod = pod.priorityClassName(priority) }
        if let security = spec?["securityContext"] {
            var context = PodSecurityContext(
                runAsNonRoot: security["runAsNonRoot"]?.bool, runAsUser: security["runAsUser"]?.int,
                runAsGroup: security["runAsGroup"]?.int, fsGroup: security["fsGroup"]?.int,
                sysctls: (security["sysctls"]?.items ?? []).map { Sysctl($0["name"]?.string ?? "", $0["value"]?.string ?? "") },
                seccompProfile: security["seccompProfile"]?["type"]?.string.flatMap(SeccompProfile.init(rawValue:)))
            context.location = security.location
            pod = pod.securityContext(context)
        }
        if let affinity = spec?["affinity"] { pod = pod.affinity(self.affinity(affinity)) }
        return pod
    }

    private mutating func container(_ node: ManifestNode) -> Container {
        var parts: [ContainerPart] = []
        for item in node["env"]?.items ?? [] {
            let name = item["name"]?.string ?? ""
            var variable: EnvVar
            if let from = item["valueFrom"] {
                if let secret = from["secretKeyRef"] {
                    variable = EnvVar(name, from: .secretKey(secret: secret["name"]?.string ?? "", key: secret["key"]?.string ?? ""))
                } else if let configMap = from["configMapKeyRef"] {
                    variable = EnvVar(name, from: .configMapKey(configMap: configMap["name"]?.string ?? "", key: configMap["key"]?.string ?? ""))
                } else {
                    variable = EnvVar(name, from: .field(path: from["fieldRef"]?["fieldPath"]?.string ?? ""))
                }
            } else {
                variable = EnvVar(name, item["value"]?.string ?? "")
            }
            variable.location = item.location
            parts.append(.env(variable))
        }
        for item in node["ports"]?.items ?? [] {
            let number = item["containerPort"]?.int ?? 0
            var port = ContainerPort(item["name"]?.string ?? "port-\(number)", Port(number), protocol: item["protocol"]?.string.flatMap(PortProtocol.init(rawValue:)) ?? .tcp)
            port.location = item.location
            parts.append(.port(port))
        }
        for item in node["volumeMounts"]?.items ?? [] {
            var mount = VolumeMount(item["name"]?.string ?? "", at: item["mountPath"]?.string ?? "", readOnly: item["readOnly"]?.bool ?? false, subPath: item["subPath"]?.string)
            mount.location = item.location
            parts.append(.mount(mount))
        }
        var container = Container(node["name"]?.string ?? "", image: node["image"]?.string ?? "") { parts }
        container.location = node.location
        if let command = node["command"]?.strings, !command.isEmpty { container = container.command(command) }
        if let args = node["args"]?.strings, !args.isEmpty { container = container.args(args) }
        if let directory = node["workingDir"]?.string { container = container.workingDir(directory) }
        if let policy = node["imagePullPolicy"]?.string { container = container.imagePullPolicy(policy) }
        if let resources = node["resources"] {
            let requests = resources["requests"], limits = resources["limits"]
            var requirements = ResourceRequirements(
                requests: ComputeResources(cpu: cpu(requests?["cpu"]), memory: bytes(requests?["memory"]), ephemeralStorage: bytes(requests?["ephemeral-storage"])),
                limits: ComputeResources(cpu: cpu(limits?["cpu"]), memory: bytes(limits?["memory"]), ephemeralStorage: bytes(limits?["ephemeral-storage"])))
            requirements.location = resources.location
            container = container.resources(requirements)
        }
        if let probe = node["livenessProbe"].flatMap({ self.probe($0) }) { container = container.livenessProbe(probe) }
        if let probe = node["readinessProbe"].flatMap({ self.probe($0) }) { container = container.readinessProbe(probe) }
        if let probe = node["startupProbe"].flatMap({ self.probe($0) }) { container = container.startupProbe(probe) }
        if let preStop = node["lifecycle"]?["preStop"], let handler = handler(preStop) { container = container.preStop(handler) }
        if let security = node["securityContext"] {
            let capabilities = security["capabilities"]
            var context = SecurityContext(
                privileged: security["privileged"]?.bool, allowPrivilegeEscalation: security["allowPrivilegeEscalation"]?.bool,
                runAsNonRoot: security["runAsNonRoot"]?.bool, runAsUser: security["runAsUser"]?.int, runAsGroup: security["runAsGroup"]?.int,
                readOnlyRootFilesystem: security["readOnlyRootFilesystem"]?.bool,
                addCapabilities: (capabilities?["add"]?.strings ?? []).map { Capability(stringLiteral: $0) },
                dropCapabilities: (capabilities?["drop"]?.strings ?? []).map { Capability(stringLiteral: $0) },
                seccompProfile: security["seccompProfile"]?["type"]?.string.flatMap(SeccompProfile.init(rawValue:)))
            context.location = security.location
            container = container.securityContext(context)
        }
        return container
    }

    private func handler(_ node: ManifestNode) -> Handler? {
        if let get = node["httpGet"] {
            return .httpGet(path: get["path"]?.string ?? "/", reading: portReference(get["port"]), scheme: get["scheme"]?.string)
        }
        if let socket = node["tcpSocket"] { return .tcpSocket(reading: portReference(socket["port"])) }
        if let exec = node["exec"] { return .exec(exec["command"]?.strings ?? []) }
        if let sleep = node["sleep"] { return .sleep(Seconds(sleep["seconds"]?.int ?? 0)) }
        return nil
    }

    private func portReference(_ node: ManifestNode?) -> PortReference {
        if let number = node?.int { return .number(Port(number)) }
        return .name(node?.string ?? "")
    }

    private func probe(_ node: ManifestNode) -> Probe? {
        guard let handler = handler(node) else { return nil }
        func seconds(_ key: String) -> Seconds? { node[key]?.int.map { Seconds($0) } }
        var probe = Probe(
            handler, initialDelay: seconds("initialDelaySeconds"), period: seconds("periodSeconds"),
            timeout: seconds("timeoutSeconds"), failureThreshold: node["failureThreshold"]?.int,
            successThreshold: node["successThreshold"]?.int)
        probe.location = node.location
        return probe
    }

    private mutating func volume(_ node: ManifestNode) -> Volume? {
        let name = node["name"]?.string ?? ""
        let source: Volume.Source
        if let configMap = node["configMap"] {
            source = .configMap(configMap["name"]?.string ?? "", defaultMode: configMap["defaultMode"]?.int)
        } else if let secret = node["secret"] {
            source = .secret(secret["secretName"]?.string ?? "", defaultMode: secret["defaultMode"]?.int)
        } else if let emptyDir = node["emptyDir"] {
            source = .emptyDir(sizeLimit: bytes(emptyDir["sizeLimit"]), memory: emptyDir["medium"]?.string == "Memory")
        } else if let claim = node["persistentVolumeClaim"] {
            source = .persistentVolumeClaim(claim["claimName"]?.string ?? "", readOnly: claim["readOnly"]?.bool ?? false)
        } else {
            return nil
        }
        var volume = Volume(name, source)
        volume.location = node.location
        return volume
    }

    private func affinity(_ node: ManifestNode) -> Affinity {
        let nodeTerms = (node["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?.items ?? []).map { term in
            (term["matchExpressions"]?.items ?? []).compactMap { expression -> LabelRequirement? in
                guard let key = expression["key"]?.string, let op = expression["operator"]?.string.flatMap(LabelRequirement.Operator.init(rawValue:)) else { return nil }
                return LabelRequirement(key, op, expression["values"]?.strings ?? [])
            }
        }
        func terms(_ node: ManifestNode?) -> [PodAffinityTerm] {
            (node?["requiredDuringSchedulingIgnoredDuringExecution"]?.items ?? []).map { term in
                PodAffinityTerm(selector: selectorOf(term["labelSelector"]), topologyKey: term["topologyKey"]?.string ?? "")
            }
        }
        let antiAffinity = node["podAntiAffinity"]
        let preferred = (antiAffinity?["preferredDuringSchedulingIgnoredDuringExecution"]?.items ?? []).map { item in
            WeightedPodAffinityTerm(weight: item["weight"]?.int ?? 1, PodAffinityTerm(
                selector: selectorOf(item["podAffinityTerm"]?["labelSelector"]), topologyKey: item["podAffinityTerm"]?["topologyKey"]?.string ?? ""))
        }
        var affinity = Affinity(
            requiredNodeTerms: nodeTerms, requiredPodAffinity: terms(node["podAffinity"]),
            requiredPodAntiAffinity: terms(antiAffinity), preferredPodAntiAffinity: preferred)
        affinity.location = node.location
        return affinity
    }

    private func selectorOf(_ node: ManifestNode?) -> LabelSelector {
        guard let node else { return LabelSelector() }
        let expressions = (node["matchExpressions"]?.items ?? []).compactMap { item -> LabelRequirement? in
            guard let key = item["key"]?.string, let op = item["operator"]?.string.flatMap(LabelRequirement.Operator.init(rawValue:)) else { return nil }
            return LabelRequirement(key, op, item["values"]?.strings ?? [])
        }
        return LabelSelector(matchLabels: node["matchLabels"]?.stringMap ?? .none, matchExpressions: expressions)
    }
}
