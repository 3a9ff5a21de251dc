import InfraDSL

/// The Helm chart the seed deployed with (`helm upgrade --install hft-trading ./helm/hft-trading
/// --values environments/<env>.yaml`), made from the same objects as the manifests. It is one chart
/// for every environment that deploys to a cloud, since they are one shape: the typed config and
/// images are values, the templates are the rendered objects with those fields replaced by
/// expressions, and whatever else differs between environments is each environment's choice in its
/// values file (``SharedHelmChart``). Rendered with an environment's values file, the chart gives back
/// that environment's manifests.
///
/// Output: `helm/hft-trading/` (the chart) and `helm/environments/<env>.yaml` (its values).
enum HelmPackaging {
    static let chartName = "hft-trading"
    /// The chart's own version: the templates change only with this repository, which versions them.
    static let chartVersion = "1.0.0"
    /// The output directory (beside the environments') that holds the chart and its values files.
    static let outputName = "helm"

    /// The typed part of an environment's values file.
    struct Values: Codable, Sendable {
        struct Image: Codable, Sendable {
            var repository: String
            var tag: String?
            var digest: String?
        }

        /// The image of an application other than the engine (``Application``), by name.
        struct ApplicationImage: Codable, Sendable {
            var name: String
            var repository: String
            var tag: String?
            var digest: String?
        }

        /// Where the environment runs (``CloudPlacement``).
        struct Cloud: Codable, Sendable {
            var account: String
            var region: String
            var dataSubnets: String

            enum CodingKeys: String, CodingKey {
                case account, region
                case dataSubnets = "data_subnets"
            }
        }

        var image: Image
        var cloud: Cloud
        var config: AppConfig
        /// Every application's image, in the order of ``ApplicationObjects/applications``.
        var applications: [ApplicationImage]
    }

    /// The environments that deploy with the chart.
    static func deploysWithChart(_ stage: Stage) -> Bool { stage.cloud != nil }

    /// The chart and every environment's values file, from each chart environment's resolved objects.
    static func output(_ environments: [(stage: Stage, objects: [ResolvedObject])]) throws -> [(path: String, contents: String)] {
        let variants = try environments.map { stage, objects in
            guard let cloud = stage.cloud else { throw NotInTheChart(environment: stage.name) }
            return SharedHelmChart.Variant(
                environment: stage.name, values: try ValueEncoder().encode(values(stage, cloud: cloud)),
                substitutions: [
                    .init(stage.namespace, ".Release.Namespace", placeholder: "namespace"),
                    .init(stage.name, ".Values.config.environment.name", placeholder: "environment", fields: ["env", "environment"]),
                    .init(stage.tier.rawValue, ".Values.config.environment.tier", placeholder: "tier", fields: ["tier"]),
                    .init(cloud.account, ".Values.cloud.account", placeholder: "account"),
                    .init(cloud.region, ".Values.cloud.region", placeholder: "region"),
                    .init(cloud.dataSubnets, ".Values.cloud.data_subnets", placeholder: "subnets"),
                ],
                templates: objects.map { object in
                    HelmChart.Template(fileName: "\(object.fileStem).yaml", document: object.document, parameters: parameters(for: object.resource, stage: stage))
                })
        }
        let shared = try SharedHelmChart.make(
            name: chartName, version: chartVersion,
            description: "The HFT trading system, one chart for every environment that deploys to a cloud (a values file each); generated from Sources/Environments, do not edit.",
            typedSchema: try JSONSchemaGenerator.schema(for: Values.self, title: "\(chartName) values", description: "Generated from the Swift types of the chart's values and the choices that differ between environments; do not edit."),
            environments: variants)
        var files = try shared.chart.files().map { (path: "\(chartName)/\($0.path)", contents: $0.contents) }
        for (environment, values) in shared.values {
            files.append((path: "environments/\(environment).yaml", contents: try YAMLRenderer.render(values)))
        }
        return files
    }

    /// An environment without a cloud placement, which does not deploy with the chart.
    struct NotInTheChart: Error, CustomStringConvertible {
        let environment: String
        var description: String { "\(environment) has no cloud placement, so it has no values file" }
    }

    static func values(_ stage: Stage, cloud: CloudPlacement) -> Values {
        let applications = ApplicationObjects.applications.map { application in
            let pin = stage.images[application.name]
            return Values.ApplicationImage(name: application.name, repository: pin?.repository ?? application.repository, tag: pin?.tag, digest: pin?.digest)
        }
        return Values(
            image: .init(repository: stage.imagePin.repository, tag: stage.imagePin.tag, digest: stage.imagePin.digest),
            cloud: .init(account: cloud.account, region: cloud.region, dataSubnets: cloud.dataSubnets), config: stage.config,
            applications: applications)
    }

    private static func parameters(for resource: any Resource, stage: Stage) -> [HelmChart.Parameter] {
        var parameters: [HelmChart.Parameter] = []
        if type(of: resource).isNamespaced {
            parameters.append(.init(["metadata", "namespace"], .inline("{{ .Release.Namespace }}")))
        }
        switch resource {
        case let engine as StatefulSet where engine.metadata.name == Common.engineName:
            let container: [ValuePathSegment] = ["spec", "template", "spec", "containers", .named(Common.engineName)]
            let annotations: [ValuePathSegment] = ["spec", "template", "metadata", "annotations"]
            parameters += [
                .init(container + ["image"], .inline("\"{{ .Values.image.repository }}{{ with .Values.image.tag }}:{{ . }}{{ end }}{{ with .Values.image.digest }}@{{ . }}{{ end }}\"")),
                .init(container + ["env", .named("ENVIRONMENT"), "value"], .inline("{{ .Values.config.environment.name | quote }}")),
                .init(container + ["env", .named("LOG_LEVEL"), "value"], .inline("{{ .Values.config.logging.level | quote }}")),
                .init(container + ["ports", .named("metrics"), "containerPort"], .inline("{{ .Values.config.metrics.port }}")),
                .init(annotations + [.key("infradsl.io/config-sha256")], .inline("{{ .Values.config | toJson | sha256sum | quote }}")),
            ]
            if stage.config.performance != nil {
                parameters.append(.init(container + ["env", .named("CPU_AFFINITY"), "value"], .inline("{{ .Values.config.performance.cpu_affinity | quote }}")))
            }
            for side in ["requests", "limits"] {
                let field = side == "requests" ? "request" : "limit"
                for resource in ["cpu", "memory"] {
                    parameters.append(.init(container + ["resources", .key(side), .key(resource)], .inline("{{ .Values.config.resources.\(resource).\(field) | quote }}")))
                }
                if engine.template.containers.first?.resources?.limits.hugePages2Mi != nil {
                    parameters.append(.init(container + ["resources", .key(side), "hugepages-2Mi"], .inline("{{ .Values.config.performance.huge_pages_memory | quote }}")))
                }
            }
        case let deployment as Deployment:
            if let index = ApplicationObjects.applications.firstIndex(where: { $0.name == deployment.metadata.name }) {
                let image: [ValuePathSegment] = ["spec", "template", "spec", "containers", .named(deployment.metadata.name), "image"]
                parameters.append(.init(image, .inline("\"{{ with index .Values.applications \(index) }}{{ .repository }}{{ with .tag }}:{{ . }}{{ end }}{{ with .digest }}@{{ . }}{{ end }}{{ end }}\"")))
            }
        case let configMap as ConfigMap where configMap.metadata.name == Common.configMapName:
            parameters.append(.init(["data", "config.yaml"], .block(".Values.config | toYaml")))
        case let autoscaler as HorizontalPodAutoscaler where autoscaler.targetName == Common.engineName:
            parameters += [
                .init(["spec", "minReplicas"], .inline("{{ .Values.config.deployment.min_replicas }}")),
                .init(["spec", "maxReplicas"], .inline("{{ .Values.config.deployment.max_replicas }}")),
            ]
        case let service as Service where service.metadata.name == Common.headlessServiceName:
            parameters.append(.init(["spec", "ports", .named("metrics"), "port"], .inline("{{ .Values.config.metrics.port }}")))
        default:
            break
        }
        return parameters
    }
}
