@testable import InfraDSL

/// One manifest read as `gen lint` reads a file (`team/app.yaml`, namespace `default`), and its
/// findings as `line check: message`.
enum ManifestReading {
    static func read(_ yaml: String) -> ManifestReader {
        var reader = ManifestReader(defaultNamespace: "default")
        reader.read(yaml: yaml, file: "team/app.yaml")
        return reader
    }

    static func findings(_ reader: ManifestReader) -> [String] {
        reader.diagnostics.diagnostics.map { "\($0.location.line) \($0.check): \($0.message)" }
    }
}
