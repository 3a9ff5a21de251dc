import InfraDSL

/// What every application of the system (``Application``) becomes in one environment.
enum ApplicationObjects {
    /// The system's applications: everything the engine needs, and what they need in turn.
    static var applications: [Application] { Application.closure(of: TradingEngine.needs) }

    /// Who calls `callee`, from which pods, on which port: the engine and every application.
    static func callers(of callee: Application, _ stage: Stage) -> [(name: String, pods: Labels, port: ContainerPort)] {
        var callers = Application.calls(in: TradingEngine.needs).filter { $0.callee.name == callee.name }
            .map { (name: Common.engineName, pods: stage.engineSelector, port: $0.port) }
        for caller in applications {
            callers += caller.calls.filter { $0.callee.name == callee.name }.map { (name: caller.name, pods: caller.selector(stage), port: $0.port) }
        }
        return callers
    }

    /// Every application's objects in `stage`.
    static func objects(_ stage: Stage) -> [any Resource] {
        applications.flatMap { objects($0, stage) }
    }

    private static func objects(_ application: Application, _ stage: Stage) -> [any Resource] {
        // Every object is the application's: findings about any of them point at the line that
        // wrote the application (its value), not at this shared builder.
        let written = application.location
        let sizing = application.sizing(stage.tier)
        var workload = deployment(application, stage, sizing)
        workload.location = written
        var account = ServiceAccount(application.name, automountToken: false)
        account.location = written
        var service = Service(application.name, selecting: workload, ports: application.ports.map { ServicePort($0.name, $0.port, targetPort: $0) })
        service.location = written
        var admitted = ingress(application, stage)
        admitted.location = written
        var objects: [any Resource] = [account, workload, service, admitted]
        if var egress = egress(application, stage) {
            egress.location = written
            objects.append(egress)
        }
        if sizing.maxReplicas > sizing.minReplicas {
            var autoscaler = HorizontalPodAutoscaler(
                application.name, scaling: workload, minReplicas: sizing.minReplicas, maxReplicas: sizing.maxReplicas, metrics: [.cpuUtilization(70)])
            autoscaler.location = written
            objects.append(autoscaler)
        }
        if let minimum = sizing.minimumUp {
            var budget = PodDisruptionBudget(application.name, protecting: workload, .minAvailable(.count(minimum)))
            budget.location = written
            objects.append(budget)
        }
        return objects
    }

    private static func deployment(_ application: Application, _ stage: Stage, _ sizing: Application.Sizing) -> Deployment {
        let user = application.user
        let probed = application.ports[0]
        // Scraped by its PodMonitor (``Monitoring/podMonitor(_:_:)``), or by annotation where the
        // environment declares it.
        let scraping: Labels = stage.diverges(.annotationScraping) ? application.metricsPort.map { metrics in [
            "prometheus.io/scrape": "true", "prometheus.io/port": .init("\(metrics.port.number)"), "prometheus.io/path": .init(Application.metricsPath),
        ] } ?? .none : .none
        let template = PodTemplate(labels: stage.labels, annotations: scraping) {
            Container(application.name, image: stage.image(of: application)) {
                for port in application.ports { port }
                VolumeMount("tmp", at: "/tmp")
            }
            .resources(sizing.resources)
            .securityContext(.restricted(runAsUser: user))
            .readinessProbe(Probe(.tcpSocket(port: probed), initialDelay: 5, period: 5, timeout: 3, failureThreshold: 3))
            .livenessProbe(Probe(.tcpSocket(port: probed), initialDelay: 15, period: 10, timeout: 5, failureThreshold: 3))
            Volume("tmp", .emptyDir(sizeLimit: .mi(256)))
        }
        .serviceAccountName(application.name)
        .automountServiceAccountToken(false)
        .securityContext(PodSecurityContext(runAsNonRoot: true, runAsUser: user, runAsGroup: user, fsGroup: user, seccompProfile: .runtimeDefault))
        .nodeSelector(["node-type": "general"])
        // With an autoscaler, spec.replicas is left to it.
        let replicas = sizing.maxReplicas > sizing.minReplicas ? nil : sizing.minReplicas
        return Deployment(application.name, selector: application.selector(stage), replicas: replicas, template: template)
            .labels(application.selector(stage))
            .annotations(ScannerExceptions.application(stage))
            .strategy(.rollingUpdate(maxSurge: 1, maxUnavailable: 0))
    }

    /// The application admits its callers on the ports they call, Prometheus on its metrics port,
    /// and the ingress controller on the ports it exposes.
    static func ingress(_ application: Application, _ stage: Stage) -> NetworkPolicy {
        let callers = callers(of: application, stage)
        return NetworkPolicy("allow-\(application.name)-ingress", podSelector: LabelSelector(matchLabels: application.selector(stage)), policyTypes: [.ingress]) {
            for caller in callers {
                NetworkRule.ingress(from: [.pods(LabelSelector(matchLabels: caller.pods))], ports: [.tcp(.number(caller.port.port))])
            }
            if let metrics = application.metricsPort {
                NetworkRule.ingress(from: [.namespace(.monitoring)], ports: [.tcp(.number(metrics.port))])
            }
            if !application.exposed.isEmpty {
                NetworkRule.ingress(from: [.namespace(.ingressNginx)], ports: application.exposed.map { .tcp(.number($0.port)) })
            }
        }
    }

    /// The application reaches what it needs and nothing else; nil when it needs nothing (DNS is
    /// every pod's, ``Isolation/dnsEgress()``).
    private static func egress(_ application: Application, _ stage: Stage) -> NetworkPolicy? {
        guard !application.needs.isEmpty else { return nil }
        return NetworkPolicy("allow-\(application.name)-egress", podSelector: LabelSelector(matchLabels: application.selector(stage)), policyTypes: [.egress]) {
            for call in application.calls { Isolation.egress(to: call.callee, port: call.port, stage) }
            if application.needsExternalHTTPS { Isolation.externalHTTPS() }
        }
    }
}
