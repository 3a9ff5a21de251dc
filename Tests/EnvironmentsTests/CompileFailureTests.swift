import Foundation
import Testing
import TestSupport

/// The mistakes the type system must reject: each file of `Tests/CompileFailures` is type-checked
/// against the modules of this build and must fail with the errors its `expected-error@LINE:`
/// comments name, at those lines. The control file, using the same APIs correctly, must compile, so a
/// failure is the fixture's and not the harness's.
@Suite struct CompileFailureTests {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/CompileFailures")

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
    }

    /// `swiftc -typecheck` with the module search paths of the running test build.
    private func typecheck(_ file: URL) throws -> TestSupport.ProcessResult {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var buildDirectory = binary.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: buildDirectory.appendingPathComponent("Modules/InfraDSL.swiftmodule").path),
            buildDirectory.path != "/" {
            buildDirectory.deleteLastPathComponent()
        }
        let modules = buildDirectory.appendingPathComponent("Modules").path
        let checkouts = buildDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checkouts")
        let yaml = checkouts.appendingPathComponent("Yams/Sources/CYaml/include").path
        return try TestSupport.shell("swiftc -typecheck -I '\(modules)' -I '\(yaml)' '\(file.path)'", in: TestSupport.packageRoot)
    }

    @Test func everyClassOfMistakeHasAFixture() {
        #expect(Self.fixtureNames.count == 10)
    }

    @Test func theControlCompiles() throws {
        let result = try typecheck(Self.fixtures.appendingPathComponent("control/compiles.swift"))
        #expect(result.status == 0, "\(result.error)")
    }

    @Test(arguments: fixtureNames)
    func fixtureFailsWithItsExpectedErrors(_ name: String) throws {
        let file = Self.fixtures.appendingPathComponent(name)
        let source = try String(contentsOf: file, encoding: .utf8)
        let expectations = source.split(separator: "\n").compactMap { line -> (Int, String)? in
            guard line.hasPrefix("// expected-error@"), let colon = line.firstIndex(of: ":") else { return nil }
            let number = line[line.index(line.startIndex, offsetBy: 18)..<colon]
            return Int(number).map { ($0, String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)) }
        }
        #expect(!expectations.isEmpty, "\(name) names no expected error")
        let result = try typecheck(file)
        #expect(result.status != 0, "\(name) compiled")
        let errors = result.error.split(separator: "\n").filter { $0.contains(": error: ") && ($0.hasPrefix("/") || $0.hasPrefix("Tests/")) }
        func matches(_ error: Substring, _ expectation: (line: Int, message: String)) -> Bool {
            error.contains("\(name):\(expectation.line):") && error.contains("error: \(expectation.message)")
        }
        for expectation in expectations {
            #expect(errors.contains { matches($0, expectation) }, "\(name): no error '\(expectation.1)' at line \(expectation.0); got:\n\(errors.joined(separator: "\n"))")
        }
        // Every error is an expected one: another error, even on an expected line, is another reason.
        let unexpected = errors.filter { error in !expectations.contains { matches(error, $0) } }
        #expect(unexpected.isEmpty, "\(name) fails for other reasons too:\n\(unexpected.joined(separator: "\n"))")
    }
}
