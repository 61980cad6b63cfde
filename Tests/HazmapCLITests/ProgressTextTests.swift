import Foundation
import Testing

/// The progress bars' text on stderr, drawn with `HAZMAP_PROGRESS=always` though stderr is a file: every
/// phase is named, every bar reaches 100% and then clears its line, and no line is left with characters of
/// a longer one ("eta 9ss").
@Suite("progress text", .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo"))
struct ProgressTextTests {
    /// Returns to the start of the line and clears it, before each drawing and after a finished bar.
    static let clear = "\r\u{1B}[K"

    /// A bar: `LABEL [30 cells] P% DONE/TOTAL`, then `eta D` while running or `in D` when done, D as `9s`,
    /// `2m05s` or `1h02m`.
    static var bar: Regex<(Substring, label: Substring, percent: Substring, done: Substring, total: Substring, Substring?, Substring?, Substring?)> { #/^(?<label>.+) \[[█·]{30}\] (?<percent>\d{1,3})% (?<done>\d+)/(?<total>\d+)( (eta|in) (\d+s|\d+m\d\ds|\d+h\d\dm))?$/#}

    struct Drawing {
        var label: String
        var percent: Int
        var done: Int
        var total: Int
    }

    /// The bars drawn, in order, and the plain lines printed between them.
    static func parse(_ stderr: String) throws -> (bars: [Drawing], lines: [String]) {
        var bars: [Drawing] = []
        var lines: [String] = []
        for chunk in stderr.components(separatedBy: clear) {
            let parts = chunk.components(separatedBy: "\n")
            // The first part is a bar drawing (or empty after a clear); whole lines follow a newline.
            if let first = parts.first, !first.isEmpty {
                if parts.count == 1 {
                    let match = try #require(try bar.wholeMatch(in: first), "not a bar: \(first.debugDescription)")
                    bars.append(Drawing(label: String(match.label), percent: Int(match.percent) ?? -1,
                                        done: Int(match.done) ?? -1, total: Int(match.total) ?? -1))
                } else {
                    lines.append(first)
                }
            }
            lines += parts.dropFirst().filter { !$0.isEmpty }
        }
        return (bars, lines)
    }

    @Test func extentPhasesReachAHundredPercentAndClearTheirLines() throws {
        let outcome = try CLI.hazmap([CLI.sample("hazards.gpkg"), "--mapping", CLI.sample("mapping.toml"),
                                      "--releases", CLI.sample("releases.gpkg")].withCommand("extent"),
                                     environment: ["HAZMAP_PROGRESS": "always"])
        #expect(outcome.status == 0)
        let (bars, lines) = try Self.parse(outcome.stderr)
        let labels = bars.map(\.label).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(labels == ["reading hazards", "reading releases", "dissolving", "validating"])
        for label in Set(labels) {
            let drawings = bars.filter { $0.label == label }
            #expect(drawings.last?.percent == 100, "\(label) ends at \(drawings.last?.percent ?? -1)%")
            #expect(drawings.last.map { $0.done == $0.total } == true)
            #expect(drawings.map(\.percent) == drawings.map(\.percent).sorted(), "\(label) goes back")
        }
        // One step per hazard record: the sample's 300 features (the one without geometry included).
        #expect(bars.last { $0.label == "dissolving" }?.total == 300)
        // The summary lines are whole lines, never glued to a bar.
        #expect(lines.contains { $0.hasSuffix("300 hazards read, 299 usable, 6 repaired, 1 left out (1 null-geometry)") })
        // Nothing is left on the last line: stderr ends with a newline or a cleared line.
        #expect(outcome.stderr.hasSuffix("\n") || outcome.stderr.hasSuffix(Self.clear))
    }

    @Test func reportShowsEachYearOfExposureOverTime() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--releases",
                                      CLI.sample("releases.gpkg"), "--mapping", CLI.sample("mapping.toml"),
                                      "--population", CLI.sample("population.tif"), "--as-of", "2019-12-31",
                                      "--today", "2025-01-01", "--distances", "1km",
                                      "-o", folder.appendingPathComponent("report").path],
                                     environment: ["HAZMAP_PROGRESS": "always"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let (bars, _) = try Self.parse(outcome.stderr)
        let labels = Set(bars.map(\.label))
        for phase in ["validating", "replaying the events", "writing the report"] {
            #expect(labels.contains(phase), "no phase \(phase)")
        }
        // The events are replayed once for the extent, the ledger and the land at each year end: no phase of
        // its own for any of them, and one bar of one step per hazard record (the sample's 300 features).
        #expect(labels.isDisjoint(with: ["dissolving", "event history"]), "\(labels.sorted())")
        let sequence = bars.map(\.label).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(sequence.filter { $0 == "replaying the events" }.count == 1, "\(sequence)")
        #expect(bars.last { $0.label == "replaying the events" }.map { $0.done == 300 && $0.total == 300 } == true)
        // One phase per year end up to the as-of day, one step each.
        let years = bars.compactMap { bar -> Int? in
            guard bar.label.hasPrefix("exposure over time: year "), bar.label.hasSuffix(" of 2019") else { return nil }
            return Int(bar.label.dropFirst("exposure over time: year ".count).prefix(4))
        }
        let distinct = years.reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }
        #expect(distinct.last == 2019)
        #expect(distinct == Array((distinct.first ?? 0)...2019))
        for label in labels {
            #expect(bars.last { $0.label == label }?.percent == 100, "\(label) does not reach 100%")
        }
        #expect(bars.filter { $0.label.hasPrefix("exposure over time: year") }.allSatisfy { $0.total == 1 })
        // Writing counts each feature of each layer twice (its GeoJSON file and report.gpkg) and the page once;
        // the features as ogrinfo counts them in the GeoJSON files.
        var features = 0
        let report = folder.appendingPathComponent("report")
        for file in try FileManager.default.contentsOfDirectory(atPath: report.path) where file.hasSuffix(".geojson") {
            let info = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-so", "-al", report.appendingPathComponent(file).path])
            let count = info.stdout.split(separator: "\n").first { $0.hasPrefix("Feature Count: ") }
            features += try #require(count.flatMap { Int($0.dropFirst("Feature Count: ".count)) }, "\(file)")
        }
        #expect(features > 0)
        let writing = bars.filter { $0.label == "writing the report" }
        #expect(writing.last.map { $0.done == 2 * features + 1 && $0.total == 2 * features + 1 } == true,
                "\(writing.last.map { "\($0.done)/\($0.total)" } ?? "no bar"), \(features) features")
    }

    @Test func noBarsWhenStderrIsAFileAndNothingForcesThem() throws {
        let outcome = try CLI.hazmap(["extent", CLI.sample("hazards.gpkg"), "--mapping", CLI.sample("mapping.toml")])
        #expect(outcome.status == 0)
        #expect(!outcome.stderr.contains("\u{1B}"))
        #expect(!outcome.stderr.contains("\r"))
    }
}

private extension Array where Element == String {
    func withCommand(_ command: String) -> [String] { [command] + self }
}
