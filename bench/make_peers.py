"""Writes the benchmark workload for the peer tools, each the way its users write it:

- kustomize/: a base of plain YAML (5 files per service) and one overlay per environment that sets
  the namespace, the env label, the image tag and every workload's replica count;
- helm/: one chart whose templates range over `.Values.services`, and a values file per environment;
- workload.jsonnet: a function per object kind, called for every service and environment.

All produce the same objects as `bench-gen` (bench/compare.py checks it).
Usage: make_peers.py SERVICES OUT_DIR
"""
import os
import sys

ENVIRONMENTS = [("development", 1), ("staging", 2), ("production", 3)]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def container_yaml(indent, index, tag):
    pad = " " * indent
    upstream = max(index - 1, 0)
    return f"""{pad}- name: app
{pad}  image: registry.example.com/bench/app:{tag}
{pad}  ports:
{pad}  - name: http
{pad}    containerPort: 8080
{pad}    protocol: TCP
{pad}  env:
{pad}  - name: SERVICE_NAME
{pad}    value: svc-{index}
{pad}  - name: LOG_LEVEL
{pad}    value: info
{pad}  - name: UPSTREAM
{pad}    value: svc-{upstream}
{pad}  - name: POD_NAME
{pad}    valueFrom:
{pad}      fieldRef:
{pad}        fieldPath: metadata.name
{pad}  - name: API_TOKEN
{pad}    valueFrom:
{pad}      secretKeyRef:
{pad}        name: bench-credentials
{pad}        key: token
{pad}  resources:
{pad}    requests:
{pad}      cpu: 100m
{pad}      memory: 128Mi
{pad}    limits:
{pad}      cpu: 500m
{pad}      memory: 256Mi
{pad}  volumeMounts:
{pad}  - name: config
{pad}    mountPath: /etc/app
{pad}    readOnly: true
{pad}  livenessProbe:
{pad}    httpGet:
{pad}      path: /healthz
{pad}      port: http
{pad}    initialDelaySeconds: 10
{pad}    periodSeconds: 10
{pad}  readinessProbe:
{pad}    httpGet:
{pad}      path: /ready
{pad}      port: http
{pad}    initialDelaySeconds: 5
{pad}    periodSeconds: 5
{pad}  securityContext:
{pad}    capabilities:
{pad}      drop:
{pad}      - ALL
{pad}    runAsUser: 1000
{pad}    runAsGroup: 1000
{pad}    runAsNonRoot: true
{pad}    readOnlyRootFilesystem: true
{pad}    allowPrivilegeEscalation: false
{pad}    seccompProfile:
{pad}      type: RuntimeDefault
"""


def base_objects(index):
    """The five objects of one service, without namespace, env label, replicas or tag."""
    name = f"svc-{index}"
    stateful = index % 2 == 1
    kind = "StatefulSet" if stateful else "Deployment"
    service_name = f"  serviceName: {name}\n" if stateful else ""
    workload = f"""apiVersion: apps/v1
kind: {kind}
metadata:
  name: {name}
spec:
{service_name}  replicas: 1
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      volumes:
      - name: config
        configMap:
          name: {name}-config
      containers:
{container_yaml(6, index, "base")}"""
    headless = "  clusterIP: None\n  type: ClusterIP\n  publishNotReadyAddresses: true\n" if stateful else "  type: ClusterIP\n"
    service = f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: http
  selector:
    app: {name}
{headless}"""
    config = f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-config
data:
  service.name: {name}
  timeout.ms: "250"
  upstream: svc-{max(index - 1, 0)}
"""
    hpa = f"""apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: {kind}
    name: {name}
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
"""
    policy = f"""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {name}
spec:
  podSelector:
    matchLabels:
      app: {name}
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: svc-{index + 1}
    ports:
    - protocol: TCP
      port: 8080
"""
    return {f"{kind.lower()}-{name}.yaml": workload, f"service-{name}.yaml": service, f"configmap-{name}-config.yaml": config,
            f"horizontalpodautoscaler-{name}.yaml": hpa, f"networkpolicy-{name}.yaml": policy}


def kustomize(count, out):
    files = []
    for index in range(count):
        for file_name, text in base_objects(index).items():
            write(f"{out}/kustomize/base/{file_name}", text)
            files.append(file_name)
    write(f"{out}/kustomize/base/kustomization.yaml",
          "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n" + "".join(f"- {f}\n" for f in files))
    for environment, replicas in ENVIRONMENTS:
        overlay = f"""apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: bench-{environment}
resources:
- ../../base
labels:
- pairs:
    env: {environment}
images:
- name: registry.example.com/bench/app
  newTag: {environment}
patches:
- target:
    kind: Deployment
  patch: |-
    - op: replace
      path: /spec/replicas
      value: {replicas}
- target:
    kind: StatefulSet
  patch: |-
    - op: replace
      path: /spec/replicas
      value: {replicas}
"""
        write(f"{out}/kustomize/overlays/{environment}/kustomization.yaml", overlay)


HELM_TEMPLATE = """{{- range $i := until (int .Values.services) }}
{{- $name := printf "svc-%d" $i }}
{{- $kind := ternary "StatefulSet" "Deployment" (eq (mod $i 2) 1) }}
---
apiVersion: apps/v1
kind: {{ $kind }}
metadata:
  name: {{ $name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    env: {{ $.Values.env }}
spec:
  {{- if eq $kind "StatefulSet" }}
  serviceName: {{ $name }}
  {{- end }}
  replicas: {{ $.Values.replicas }}
  selector:
    matchLabels:
      app: {{ $name }}
  template:
    metadata:
      labels:
        app: {{ $name }}
    spec:
      volumes:
      - name: config
        configMap:
          name: {{ $name }}-config
      containers:
      - name: app
        image: "registry.example.com/bench/app:{{ $.Values.env }}"
        ports:
        - name: http
          containerPort: 8080
          protocol: TCP
        env:
        - name: SERVICE_NAME
          value: {{ $name }}
        - name: LOG_LEVEL
          value: info
        - name: UPSTREAM
          value: svc-{{ max (sub $i 1) 0 }}
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: API_TOKEN
          valueFrom:
            secretKeyRef:
              name: bench-credentials
              key: token
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            cpu: 500m
            memory: 256Mi
        volumeMounts:
        - name: config
          mountPath: /etc/app
          readOnly: true
        livenessProbe:
          httpGet:
            path: /healthz
            port: http
          initialDelaySeconds: 10
          periodSeconds: 10
        readinessProbe:
          httpGet:
            path: /ready
            port: http
          initialDelaySeconds: 5
          periodSeconds: 5
        securityContext:
          capabilities:
            drop:
            - ALL
          runAsUser: 1000
          runAsGroup: 1000
          runAsNonRoot: true
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          seccompProfile:
            type: RuntimeDefault
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    env: {{ $.Values.env }}
spec:
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: http
  selector:
    app: {{ $name }}
  {{- if eq $kind "StatefulSet" }}
  clusterIP: None
  {{- end }}
  type: ClusterIP
  {{- if eq $kind "StatefulSet" }}
  publishNotReadyAddresses: true
  {{- end }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $name }}-config
  namespace: {{ $.Release.Namespace }}
  labels:
    env: {{ $.Values.env }}
data:
  service.name: {{ $name }}
  timeout.ms: "250"
  upstream: svc-{{ max (sub $i 1) 0 }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    env: {{ $.Values.env }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: {{ $kind }}
    name: {{ $name }}
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    env: {{ $.Values.env }}
spec:
  podSelector:
    matchLabels:
      app: {{ $name }}
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: svc-{{ add $i 1 }}
    ports:
    - protocol: TCP
      port: 8080
{{- end }}
"""


def helm(count, out):
    write(f"{out}/helm/bench/Chart.yaml", "apiVersion: v2\nname: bench\nversion: 0.1.0\n")
    write(f"{out}/helm/bench/values.yaml", f"services: {count}\nenv: development\nreplicas: 1\n")
    write(f"{out}/helm/bench/templates/services.yaml", HELM_TEMPLATE)
    for environment, replicas in ENVIRONMENTS:
        write(f"{out}/helm/values-{environment}.yaml", f"services: {count}\nenv: {environment}\nreplicas: {replicas}\n")


JSONNET = """local environments = [
  { name: 'development', replicas: 1 },
  { name: 'staging', replicas: 2 },
  { name: 'production', replicas: 3 },
];
local services = std.parseInt(std.extVar('services'));

local meta(name, env) = { name: name, namespace: 'bench-' + env.name, labels: { env: env.name } };

local container(i, env) = {
  name: 'app',
  image: 'registry.example.com/bench/app:' + env.name,
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
  env: [
    { name: 'SERVICE_NAME', value: 'svc-%d' % i },
    { name: 'LOG_LEVEL', value: 'info' },
    { name: 'UPSTREAM', value: 'svc-%d' % std.max(i - 1, 0) },
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'bench-credentials', key: 'token' } } },
  ],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }],
  livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 10 },
  readinessProbe: { httpGet: { path: '/ready', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 5 },
  securityContext: {
    capabilities: { drop: ['ALL'] }, runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true,
    readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' },
  },
};

local service(i, env) =
  local name = 'svc-%d' % i;
  local stateful = i % 2 == 1;
  local kind = if stateful then 'StatefulSet' else 'Deployment';
  [
    {
      apiVersion: 'apps/v1', kind: kind, metadata: meta(name, env),
      spec: (if stateful then { serviceName: name } else {}) + {
        replicas: env.replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { volumes: [{ name: 'config', configMap: { name: name + '-config' } }], containers: [container(i, env)] },
        },
      },
    },
    {
      apiVersion: 'v1', kind: 'Service', metadata: meta(name, env),
      spec: {
        ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }],
        selector: { app: name }, type: 'ClusterIP',
      } + (if stateful then { clusterIP: 'None', publishNotReadyAddresses: true } else {}),
    },
    {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name + '-config', env),
      data: { 'service.name': name, 'timeout.ms': '250', upstream: 'svc-%d' % std.max(i - 1, 0) },
    },
    {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta(name, env),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: kind, name: name }, minReplicas: 1, maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta(name, env),
      spec: {
        podSelector: { matchLabels: { app: name } }, policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'svc-%d' % (i + 1) } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
      },
    },
  ];

std.flattenArrays([service(i, env) for env in environments for i in std.range(0, services - 1)])
"""


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    kustomize(count, out)
    helm(count, out)
    write(f"{out}/workload.jsonnet", JSONNET)


if __name__ == "__main__":
    main()
