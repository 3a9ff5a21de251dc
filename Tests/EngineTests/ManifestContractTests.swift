import Environments
import Foundation
import InfraDSL
import Testing
@testable import Engine

/// What the rendered manifests give the engine is what the engine reads: the variables, the
/// ports, the probe paths, the config mount and a writable log directory. A rename on either side
/// fails here, not in a cluster.
@Suite struct ManifestContractTests {
    /// The engine container of an environment's rendered StatefulSet.
    func engineContainer(_ name: String) throws -> Fields {
        let environment = try #require(Catalog.environment(named: name))
        let objects = EnvironmentResolver.resolve(environment).objects
        let statefulSet = try #require(objects.first { type(of: $0.resource).kind == "StatefulSet" && $0.resource.metadata.name == "trading-engine" })
        let podSpec = try #require(field(statefulSet.document, "spec", "template", "spec"))
        guard case .array(let containers)? = podSpec["containers"], case .object(let container)? = containers.first else {
            throw FixtureMissing(what: "containers")
        }
        return container
    }

    func field(_ value: Value, _ path: String...) -> Fields? {
        var current = value
        for key in path {
            guard case .object(let fields) = current, let next = fields[key] else { return nil }
            current = next
        }
        if case .object(let fields) = current { return fields }
        return nil
    }

    @Test(arguments: Catalog.names)
    func manifestVariablesStartTheEngine(environmentName: String) throws {
        let container = try engineContainer(environmentName)
        guard case .array(let variables)? = container["env"], case .array(let mounts)? = container["volumeMounts"] else {
            throw FixtureMissing(what: "env and volumeMounts")
        }
        let mountPaths = mounts.compactMap { mount -> String? in
            guard case .object(let fields) = mount, case .string(let path)? = fields["mountPath"] else { return nil }
            return path
        }
        // A file variable must name a file under a mount; the test stands a file in for it.
        let secrets = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: secrets) }
        var environment: [String: String] = [:]
        for case .object(let variable) in variables {
            guard case .string(let name)? = variable["name"] else { continue }
            guard case .string(let value)? = variable["value"] else { environment[name] = "from-secret"; continue }
            if name.hasSuffix("_FILE") {
                #expect(mountPaths.contains { value.hasPrefix($0 + "/") }, "\(name) names \(value), which no volume mounts")
                let file = secrets.appendingPathComponent((value as NSString).lastPathComponent)
                try Data("from-secret".utf8).write(to: file)
                environment[name] = file.path
            } else {
                environment[name] = value
            }
        }
        let settings = try RuntimeSettings.resolve(config: try #require(Catalog.configs[environmentName]), environment: environment)
        // Every variable the manifests set changes something the engine reads (a file variable
        // the setting it holds).
        let expected = Set(environment.keys.map { $0.hasSuffix("_FILE") ? String($0.dropLast(5)) : $0 }).subtracting(["ENVIRONMENT"])
        #expect(Set(settings.overrides.map(\.name)) == expected)
        #expect(settings.database.user == "from-secret" && settings.database.password == "from-secret")
        #expect(environment["ENVIRONMENT"] == environmentName)
    }

    @Test(arguments: Catalog.names)
    func portsProbesMountsAndLogsAgree(environmentName: String) throws {
        let container = try engineContainer(environmentName)
        let config = try #require(Catalog.configs[environmentName])
        guard case .array(let ports)? = container["ports"] else { throw FixtureMissing(what: "ports") }
        let declared = ports.compactMap { port -> (String, Int)? in
            guard case .object(let fields) = port, case .string(let name)? = fields["name"], case .int(let number)? = fields["containerPort"] else { return nil }
            return (name, number)
        }
        #expect(declared.contains { $0 == ("http", EngineInterface.httpPort) })
        #expect(declared.contains { $0 == ("metrics", config.metrics.port.number) })
        for probe in ["livenessProbe", "readinessProbe"] {
            let httpGet = try #require(field(.object(container), probe, "httpGet"), "\(probe)")
            #expect(httpGet["path"] == .string(probe == "livenessProbe" ? EngineInterface.livenessPath : EngineInterface.readinessPath))
        }
        guard case .array(let mounts)? = container["volumeMounts"] else { throw FixtureMissing(what: "volumeMounts") }
        let mountPaths = mounts.compactMap { mount -> (String, Bool)? in
            guard case .object(let fields) = mount, case .string(let path)? = fields["mountPath"] else { return nil }
            return (path, fields["readOnly"] == .bool(true))
        }
        #expect(mountPaths.contains { $0 == (EngineInterface.configDirectory, true) })
        // A log file must land on a writable volume: the root file system is read-only.
        if let directory = config.logging.output.directory {
            #expect(mountPaths.contains { $0.0 == directory && !$0.1 }, "\(directory) is not a writable mount")
        }
    }
}
