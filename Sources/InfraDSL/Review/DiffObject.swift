import Foundation
import Yams

/// One object as the diff sees it: its kind, name and rendered document. The current revision's come
/// from resolved objects; an earlier revision's from the files `gen` wrote then.
public struct DiffObject: Sendable {
    public let kind: String
    public let name: String
    public let document: Value

    public init(kind: String, name: String, document: Value) {
        self.kind = kind
        self.name = name
        self.document = document
    }

    /// A resolved object of the current revision.
    public init(_ object: ResolvedObject) {
        self.init(kind: object.kind, name: object.name, document: object.document)
    }

    /// The containers' images of a workload's document (`Kind/name/container` → image): the pod
    /// template of a Deployment, StatefulSet, DaemonSet or Job, or a CronJob's job template.
    var images: [(container: String, image: String)] {
        let spec = document.child("spec")
        let template = spec?.child("template") ?? spec?.child("jobTemplate")?.child("spec")?.child("template")
        guard case .array(let containers)? = template?.child("spec")?.child("containers") else { return [] }
        return containers.compactMap { container in
            guard case .string(let name)? = container.child("name"), case .string(let image)? = container.child("image") else { return nil }
            return ("\(kind)/\(self.name)/\(name)", image)
        }
    }
}

extension Value {
    /// The value at `key` of an object.
    func child(_ key: String) -> Value? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }
}

/// The Kubernetes objects of one environment in an earlier `gen` output (a committed snapshot tree,
/// the base branch's `out/`): `DIR/<environment>/kubernetes/*.yaml`, in either layout.
public struct RenderedTree: Sendable {
    /// A file that cannot be read as Kubernetes objects.
    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    public let root: URL

    public init(root: URL) { self.root = root }

    /// Whether the tree holds the environment at all (a new environment has no earlier output).
    public func contains(_ environment: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: self.directory(of: environment).path, isDirectory: &directory) && directory.boolValue
    }

    /// Every object of `environment`, in file order; none when the tree does not hold it.
    public func objects(of environment: String) throws -> [DiffObject] {
        try manifests(of: environment).flatMap { try objects(in: $0.text, named: $0.relative) }
    }

    /// The text of each YAML file of `environment`'s manifests (a kustomization is not an object),
    /// sorted by name, with its path relative to the tree.
    public func manifests(of environment: String) throws -> [(relative: String, text: String)] {
        guard contains(environment) else { return [] }
        let directory = directory(of: environment)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return try names.filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" }.sorted().map { name in
            let relative = "\(environment)/kubernetes/\(name)"
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                throw Unreadable(description: "\(root.path)/\(relative): not readable as UTF-8 text")
            }
            return (relative, text)
        }
    }

    private func directory(of environment: String) -> URL {
        root.appendingPathComponent(environment).appendingPathComponent("kubernetes")
    }

    /// The objects of one file's `text`.
    public func objects(in text: String, named relative: String) throws -> [DiffObject] {
        var objects: [DiffObject] = []
        do {
            let parser = try Parser(yaml: text)
            while let node = try parser.nextRoot() {
                guard let document = Value(yaml: node) else { continue }
                guard case .string(let kind)? = document.child("kind"), case .string(let name)? = document.child("metadata")?.child("name") else {
                    throw Unreadable(description: "\(root.path)/\(relative):\(node.mark?.line ?? 1): a document without kind or metadata.name")
                }
                objects.append(DiffObject(kind: kind, name: name, document: document))
            }
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(description: "\(root.path)/\(relative): malformed YAML: \(error)")
        }
        return objects
    }
}
