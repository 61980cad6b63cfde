import Foundation
import Testing

/// GDAL-like habits of both executables: `--version`, usage exit codes, and a README that lists every
/// command `--help` lists and links every document in docs/.
@Suite("habits")
struct HabitsTests {
    static var bothBuilt: Bool { Binary.path("hazmap") != nil && Binary.path("hazmap-generate") != nil }

    /// The version pattern and the version printed by one executable.
    static func version(_ name: String) throws -> String {
        let executable = try #require(Binary.path(name))
        let outcome = try Binary.run(executable, ["--version"])
        #expect(outcome.status == 0, "\(name) --version exited \(outcome.status): \(outcome.stderr)")
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("--version: both executables print the same semantic version and exit 0",
          .enabled(if: bothBuilt))
    func versions() throws {
        let hazmap = try Self.version("hazmap")
        let generator = try Self.version("hazmap-generate")
        #expect(hazmap.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "got '\(hazmap)'")
        #expect(generator == hazmap)
    }

    @Test("hazmap-generate: a usage error exits 2, like hazmap", .enabled(if: bothBuilt))
    func generatorUsageExit() throws {
        let executable = try #require(Binary.path("hazmap-generate"))
        let outcome = try Binary.run(executable, ["--hazards", "5", "--seed", "1", "--out", "/nonexistent/x"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--hazards must be between 100 and 1,000,000"))
        let unknown = try Binary.run(executable, ["--no-such-option"])
        #expect(unknown.status == 2)
    }

    /// The subcommand names `hazmap --help` lists under SUBCOMMANDS.
    static func subcommands() throws -> [String] {
        let outcome = try CLI.hazmap(["--help"])
        let lines = outcome.stdout.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("SUBCOMMANDS") }) else { return [] }
        // `  name   abstract`; wrapped abstract lines are indented further.
        return lines[(start + 1)...].prefix { !$0.isEmpty }.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "help" }
    }

    @Test("README: the command table has a row for every subcommand --help lists", .enabled(if: bothBuilt))
    func readmeCommands() throws {
        let readme = try String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = try Self.subcommands()
        #expect(commands.count >= 10, "parsed \(commands)")
        for command in commands {
            #expect(readme.contains("| `hazmap \(command)"), "README's command table has no row for \(command)")
        }
    }

    @Test("README: links every document in docs/")
    func readmeLinksDocs() throws {
        let root = Binary.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }
        #expect(!docs.isEmpty)
        for doc in docs { #expect(readme.contains("(docs/\(doc))"), "README does not link docs/\(doc)") }
    }
}
