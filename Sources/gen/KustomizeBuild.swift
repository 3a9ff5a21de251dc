import Foundation

/// `kubectl kustomize DIR`: a kustomization's output, which `gen lint` reads instead of its files.
enum KustomizeBuild {
    /// The file names that make a directory a kustomization.
    static let fileNames: Set<String> = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    enum Outcome {
        case built(String)
        case failed(String)
        case noKubectl
    }

    /// How the build's findings name their file: the lines are those of the built stream.
    static func name(of directory: String) -> String { "\(directory) (kubectl kustomize)" }

    static func run(_ directory: String) -> Outcome {
        guard let kubectl = executable("kubectl") else { return .noKubectl }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl)
        process.arguments = ["kustomize", directory]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do {
            try process.run()
        } catch {
            return .failed("\(error)")
        }
        // Read both before waiting: a large build fills the pipe.
        let built = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let first = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            return .failed(first)
        }
        return .built(String(decoding: built, as: UTF8.self))
    }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
