import Foundation
import Testing

/// `hazmap exposure` over several dates in one run (`--as-of D1 D2 …`, computed incrementally) against one
/// run per date, on a front-line scenario from `hazmap-generate`: every figure identical, to the last digit.
/// And `--classes all` against the 'all' rows of the three classes.
@Suite("hazmap exposure over time",
       .enabled(if: Binary.path("hazmap") != nil && Binary.path("hazmap-generate") != nil,
                "needs the built hazmap and hazmap-generate"))
struct ExposureOverTimeCommandTests {
    static let dates = ["2014-12-31", "2017-06-30", "2020-12-31", "2023-12-31"]

    /// A 400-hazard front-line scenario with releases and a population raster.
    static func scenario() throws -> URL {
        guard let generator = Binary.path("hazmap-generate") else { throw CLITestError("hazmap-generate is not built") }
        let folder = try CLI.temporaryFolder()
        let result = try Binary.run(generator, ["--hazards", "400", "--seed", "5", "--layout", "frontline",
                                                "--out", folder.path])
        guard result.status == 0 else { throw CLITestError("hazmap-generate failed: \(result.stderr)") }
        return folder
    }

    /// The rows of `hazmap exposure --json` on the scenario, by "as_of|distance|class|region label".
    static func rows(_ folder: URL, _ options: [String]) throws -> [String: [String: Any]] {
        let outcome = try CLI.hazmap(["exposure", folder.appendingPathComponent("hazards.gpkg").path,
                                      folder.appendingPathComponent("population.tif").path,
                                      "--releases", folder.appendingPathComponent("releases.gpkg").path,
                                      "--distances", "500m,2km", "--json", "-q"] + options)
        guard outcome.status == 0 else { throw CLITestError("hazmap exposure \(options) failed: \(outcome.stderr)") }
        let list = try CLI.object(outcome.stdout)["rows"] as? [[String: Any]] ?? []
        var rows: [String: [String: Any]] = [:]
        for row in list {
            let key = ["as_of", "distance_m", "class", "region_label"].map { "\(row[$0] ?? "-")" }.joined(separator: "|")
            rows[key] = row
        }
        return rows
    }

    /// The figures of a row, as printed.
    static func figures(_ row: [String: Any]?) -> [Double] {
        ["people", "area_km2", "nodata_share"].map { (row?[$0] as? NSNumber)?.doubleValue ?? .nan }
    }

    @Test("several dates in one run equal one run per date, to the last digit")
    func incrementalEqualsSeparateRuns() throws {
        let folder = try Self.scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let together = try Self.rows(folder, ["--threads", "2", "--as-of"] + Self.dates)
        // 4 dates × (inside, 500 m, 2 km) × (all, CHA, SHA).
        #expect(together.count == 36)
        var people: [Double] = []
        for date in Self.dates {
            let alone = try Self.rows(folder, ["--threads", "1", "--as-of", date])
            #expect(alone.count == 9)
            for (key, row) in alone {
                #expect(Self.figures(together[key]) == Self.figures(row), "\(key)")
            }
            people.append(Self.figures(alone["\(date)|-|all|total"])[0])
        }
        // Releases only take land away after the last hazards are recorded, so people inside fall; some remain.
        #expect(people.allSatisfy { $0 > 0 })
        #expect(Set(people).count > 1, "the dates differ: \(people)")
    }

    @Test("--classes all gives the 'all' rows of the three classes, and nothing else")
    func allClassesAlone() throws {
        let folder = try Self.scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let three = try Self.rows(folder, ["--as-of"] + Self.dates.suffix(2))
        let all = try Self.rows(folder, ["--as-of"] + Self.dates.suffix(2) + ["--classes", "all"])
        #expect(all.count == 6)
        for (key, row) in all {
            #expect(row["class"] as? String == "all")
            #expect(Self.figures(three[key]) == Self.figures(row), "\(key)")
        }
        let cha = try Self.rows(folder, ["--classes", "CHA"])
        #expect(Set(cha.values.compactMap { $0["class"] as? String }) == ["CHA"])
    }

    @Test("--classes with an unknown class is a usage error naming it")
    func unknownClass() throws {
        let outcome = try CLI.hazmap(["exposure", CLI.sample("hazards.gpkg"), CLI.sample("population.tif"),
                                      "--classes", "all,AP"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("all,AP"))
    }
}
