import InfraDSL

/// The Helm chart the seed deployed staging and production with (`helm upgrade --install
/// hft-trading ./helm/hft-trading --values environments/<env>.yaml`), made from the same objects as
/// the manifests: `values.yaml` is the typed config and image, `values.schema.json` is derived from
/// their Swift types, and each template is a rendered object with the fields that come from the
/// values replaced by expressions. Rendered with its values, the chart gives the manifests back.
enum HelmPackaging {
    static let chartName = "hft-trading"

    /// What `values.yaml` holds.
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

        var image: Image
        var config: AppConfig
        /// Every application's image, in the order of ``ApplicationObjects/applications``.
        var applications: [ApplicationImage]
    }

    static func chart(_ stage: Stage, objects: [ResolvedObject]) throws -> HelmChart {
        let applications = ApplicationObjects.applications.map { application in
            let pin = stage.images[application.name]
            return Values.ApplicationImage(name: application.name, repository: pin?.repository ?? application.repository, tag: pin?.tag, digest: pin?.digest)
        }
        let values = Values(
            image: .init(repository: stage.imagePin.repository, tag: stage.imagePin.tag, digest: stage.imagePin.digest), config: stage.config,
            applications: applications)
        let templates = objects.map { object in
            HelmChart.Template(
                fileName: "\(object.fileStem).yaml", document: object.document,
                parameters: parameters(for: object.resource, stage: stage))
        }
        return HelmChart(
            name: chartName, version: stage.config.application.version, appVersion: stage.config.application.version,
            description: "The HFT trading engine (\(stage.name)); generated from Sources/Environments, do not edit.",
            values: try ValueEncoder().encode(values),
            schema: try JSONSchemaGenerator.schema(for: Values.self, title: "\(chartName) values", description: "Generated from the Swift types of the chart's values; do not edit."),
            templates: templates)
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

extension Environment {
    /// This environment with its Helm chart under `helm/hft-trading/`.
    func withHelmChart(_ stage: Stage) -> Environment {
        deriving("helm/\(HelmPackaging.chartName)") { objects in
            try HelmPackaging.chart(stage, objects: objects).files()
        }
    }
}
