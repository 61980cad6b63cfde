import Foundation
import Testing

/// `hazmap info`, `--help`, `--version` and usage errors, checked against `ogrinfo -so -al`.
@Suite("hazmap info and usage", .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo"))
struct InfoCommandTests {
    static let vectorFiles = ["hazards.gpkg", "releases.gpkg", "regions.geojson", "accidents.geojson",
                              "facilities.geojson", "roads.geojson", "routes.geojson", "route_events.geojson"]

    @Test("--json gives the layer names, feature counts and field names ogrinfo gives", arguments: vectorFiles)
    func infoMatchesOgrinfo(file: String) throws {
        let path = CLI.sample(file)
        let expected = try CLI.ogrSummary(path)
        let outcome = try CLI.hazmap(["info", "--json", path])
        #expect(outcome.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
        let datasets = try #require(parsed)
        #expect(datasets.count == 1)
        let layers = try #require(datasets.first?["layers"] as? [[String: Any]])
        #expect(layers.map { $0["name"] as? String ?? "" } == expected.map(\.name))
        #expect(layers.map { $0["featureCount"] as? Int } == expected.map(\.featureCount))
        for (layer, reference) in zip(layers, expected) {
            let fields = (layer["fields"] as? [[String: Any]] ?? []).map { $0["name"] as? String ?? "" }
            #expect(fields == reference.fields, "\(file) layer \(reference.name)")
        }
        #expect(!expected.isEmpty && expected.allSatisfy { ($0.featureCount ?? 0) > 0 })
    }

    @Test("the text output names each layer and its feature count as ogrinfo counts it")
    func infoText() throws {
        let path = CLI.sample("hazards.gpkg")
        let expected = try #require(try CLI.ogrSummary(path).first)
        let outcome = try CLI.hazmap(["info", path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("layer \(expected.name)"))
        #expect(outcome.stdout.contains("features: \(expected.featureCount ?? -1)"))
        for field in expected.fields { #expect(outcome.stdout.contains("      \(field): ")) }
    }

    @Test("--version prints a version and exits 0")
    func version() throws {
        let outcome = try CLI.hazmap(["--version"])
        #expect(outcome.status == 0)
        let text = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "got '\(text)'")
    }

    @Test("--help lists the commands and the exit codes, and exits 0")
    func help() throws {
        let outcome = try CLI.hazmap(["--help"])
        #expect(outcome.status == 0)
        for command in ["info", "validate", "extent"] { #expect(outcome.stdout.contains("  \(command) ")) }
        #expect(outcome.stdout.contains("Exit codes"))
        for command in ["info", "validate", "extent"] {
            let sub = try CLI.hazmap([command, "--help"])
            #expect(sub.status == 0)
            #expect(sub.stdout.contains("Examples:"), "\(command) --help has no examples")
        }
    }

    @Test("an unknown option or a missing argument is a usage error: exit 2", arguments: [
        ["info", "--no-such-option", "x.gpkg"], ["extent", "--frobnicate"], ["validate"], ["no-such-command"],
        ["extent", "h.gpkg", "--by", "colour"], ["extent", "h.gpkg", "--threads", "0"],
        ["validate", "h.gpkg", "--fix"],
    ])
    func usageErrors(arguments: [String]) throws {
        let outcome = try CLI.hazmap(arguments)
        #expect(outcome.status == 2, "\(arguments): exit \(outcome.status)")
        #expect(!outcome.stderr.isEmpty)
        #expect(outcome.stdout.isEmpty)
    }
}
