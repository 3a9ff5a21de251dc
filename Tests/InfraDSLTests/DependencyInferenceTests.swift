import Testing
@testable import InfraDSL

/// Each source of an inferred dependency, read and not read.
@Suite struct DependencyInferenceTests {
    /// A Deployment `caller` with `env` (YAML list items), plus `more` documents, in namespace `shop`.
    private func edges(env: String, more: String = "", volumes: String = "") -> [String] {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: cart, namespace: shop}
        spec:
          selector: {app: cart}
          ports: [{name: grpc, port: 7070, targetPort: 7070}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: 8080}, {name: admin, port: 9000, targetPort: 9000}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: caller, namespace: shop}
        spec:
          selector: {matchLabels: {app: caller}}
          template:
            metadata: {labels: {app: caller}}
            spec:
              containers:
              - name: main
                image: registry.example.com/caller:1
                env:
        \(env)
                volumeMounts: [{name: config, mountPath: /etc/caller}]
              volumes: [{name: config, configMap: {name: caller-config}}]
        \(more)
        """
        var reader = ManifestReader()
        reader.read(yaml: yaml, file: "caller.yaml")
        #expect(reader.diagnostics.diagnostics.filter { $0.severity == .error }.isEmpty, "\(reader.diagnostics.diagnostics)")
        return DependencyInference.dependencies(in: reader.resources)
            .filter { $0.transport == .tcp }
            .map { "\($0.name) \($0.evidence ?? "") @\($0.location?.line ?? 0)" }
    }

    private func variable(_ name: String, _ value: String) -> String {
        "        - name: \(name)\n          value: \"\(value)\""
    }

    @Test func hostAndPortInAnyVariable() {
        #expect(edges(env: variable("CART", "cart:7070")) == ["cart:7070 from env CART @27"])
        #expect(edges(env: variable("UPSTREAMS", "cart:7070, web:80")) == ["cart:7070 from env UPSTREAMS @27", "web:80 from env UPSTREAMS @27"])
        // A bare name that is no Service, in a variable not named as an address: not an address.
        #expect(edges(env: variable("MODE", "fast:2")).isEmpty)
        #expect(edges(env: variable("LOG_LEVEL", "info")).isEmpty)
    }

    @Test func urlsWithTheirSchemesPort() {
        #expect(edges(env: variable("WEB_URL", "http://web/api")) == ["web:80 from env WEB_URL @27"])
        #expect(edges(env: variable("ADMIN_URL", "https://user:secret@web.shop.svc.cluster.local:9000/x?y=1")) == ["web:9000 from env ADMIN_URL @27"])
        #expect(edges(env: variable("CART_REDIS", "redis://cart:7070/0")) == ["cart:7070 from env CART_REDIS @27"])
        // Outside the cluster, or an IP address: not followed.
        #expect(edges(env: variable("PAYMENTS_URL", "https://api.payments.example.com/v1")).isEmpty)
        #expect(edges(env: variable("METRICS_ADDR", "10.0.0.7:9090")).isEmpty)
        #expect(edges(env: variable("LOCAL_ADDR", "localhost:8080")).isEmpty)
    }

    @Test func namespacedServiceNames() {
        #expect(edges(env: variable("CART", "cart.shop.svc:7070")) == ["cart:7070 from env CART @27"])
        #expect(edges(env: variable("CART", "cart.shop")) == ["cart:7070 from env CART @27"], "the Service's only port")
        #expect(edges(env: variable("WEB", "web.shop.svc.cluster.local")).isEmpty, "two ports: which one is unknown")
        #expect(edges(env: variable("OTHER", "orders.billing.svc.cluster.local:8080")) == ["orders:8080 from env OTHER @27"])
    }

    @Test func hostAndPortVariablePairs() {
        #expect(edges(env: variable("WEB_HOST", "web") + "\n" + variable("WEB_PORT", "9000")) == ["web:9000 from env WEB_HOST @27"])
        // A bare name in an address variable is followed even without a Service: it should be one.
        #expect(edges(env: variable("ORDERS_HOST", "orders") + "\n" + variable("ORDERS_PORT", "8080")) == ["orders:8080 from env ORDERS_HOST @27"])
        #expect(edges(env: variable("ORDERS_ADDR", "orders:8080")) == ["orders:8080 from env ORDERS_ADDR @27"])
        #expect(edges(env: variable("ORDERS_MODE", "orders:8080")).isEmpty)
    }

    @Test func configMapKeysAndMountedFiles() {
        let key = "        - name: CART_ADDR\n          valueFrom: {configMapKeyRef: {name: endpoints, key: cart}}"
        let endpoints = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: endpoints, namespace: shop}\ndata: {cart: \"cart:7070\"}"
        #expect(edges(env: key, more: endpoints) == ["cart:7070 from env CART_ADDR (ConfigMap endpoints key cart) @27"])
        let file = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: caller-config, namespace: shop}\ndata:\n  app.ini: |\n    upstream = http://web.shop.svc.cluster.local:9000/\n    cart = cart\n    mode = fast:2\n"
        // In a file only hosts with a port or a namespace count: `cart` alone is a word.
        #expect(edges(env: variable("LOG_LEVEL", "info"), more: file) == ["web:9000 from ConfigMap caller-config key app.ini @32"])
    }

    @Test func eachCallerAlsoNeedsTheClusterDNSOnce() {
        var reader = ManifestReader()
        reader.read(yaml: """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: caller, namespace: shop}
        spec:
          selector: {matchLabels: {app: caller}}
          template:
            metadata: {labels: {app: caller}}
            spec:
              containers:
              - name: main
                image: registry.example.com/caller:1
                env: [{name: A_ADDR, value: "a:1"}, {name: B_ADDR, value: "b:2"}]
        """, file: "caller.yaml")
        let dns = DependencyInference.dependencies(in: reader.resources).filter { $0.port == 53 }
        #expect(dns.map { "\($0.name) \($0.transport) \($0.evidence ?? "")" } == ["the cluster DNS udp needed to resolve a, from env A_ADDR"])
    }
}
