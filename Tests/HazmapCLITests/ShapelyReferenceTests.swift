import Foundation
import Testing

/// Issue 19 item 2: on long-edged data, an independent reference with Shapely, its edges cut along their
/// geodesics the same way (`Tools/bench/reference_common.py`, `densified`: pyproj's `Geod.inv`/`Geod.fwd`, the
/// same 0.1 mm rule), agrees with hazmap to 1e-7. The scenario is `hazmap-generate --layout longedges`
/// (5–8 vertices, edges of 0.3–4 km, around 44° N), whose chords depart from their geodesics by up to
/// 0.3 m; without the cut the two tools' crossings would lie on different chords' worth of lenses.
///
/// The reference replays day by day (`reference_ledger.py`, `reference_extent.py`: Shapely overlays, pyproj
/// areas), in its own order of overlays, so agreement is a check of the figures and not of hazmap's code.
/// It needs Tools/bench/.venv (`Tools/bench/setup.sh`) and is skipped, visibly, without it.
@Suite("Shapely reference on long edges", .serialized,
       .enabled(if: ShapelyReference.ready, "needs the built hazmap, hazmap-generate and Tools/bench/.venv"))
struct ShapelyReferenceTests {
    /// How far apart a figure may be: 1e-7 of the reference's figure, or 1e-3 m² where land was released in
    /// full and both are that close to zero (`compare_ledger.py`'s floor).
    static func agrees(_ hazmap: Double, _ reference: Double) -> Bool {
        abs(hazmap - reference) <= max(1e-7 * abs(reference), 1e-3)
    }

    @Test("the ledger 2012–2025: released by method and remaining by class, every year, to 1e-7")
    func ledger() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try ConsistencyMatrixTests.generate(["--hazards", "300", "--seed", "3", "--layout", "longedges"],
                                                       into: folder)
        let hazards = data.appendingPathComponent("hazards.gpkg").path
        let releases = data.appendingPathComponent("releases.gpkg").path
        let ours = try ConsistencyMatrixTests.json(["release", hazards, releases, "--from", "2012", "--to", "2025",
                                                    "-q", "--json"])
        let theirs = try ShapelyReference.run("reference_ledger.py", [hazards, releases, "--from", "2012", "--to", "2025"])
        let periods = Dictionary(uniqueKeysWithValues: try #require(ours["periods"] as? [[String: Any]]).map {
            ($0["period"] as? String ?? "", $0)
        })
        var compared = 0, released = 0.0
        for year in try #require(theirs["years"] as? [[String: Any]]) {
            let label = String(try #require(year["year"] as? Int))
            let period = try #require(periods[label], "hazmap has no period \(label)")
            let ourReleased = try #require(period["released"] as? [String: Any])
            let theirReleased = try #require(year["released"] as? [String: Any])
            for method in ["cleared", "reduced", "cancelled", "total"] {
                let mine = try ConsistencyMatrixTests.m2((ourReleased[method] as? [String: Any])?["total"])
                let other = try ConsistencyMatrixTests.m2(theirReleased[method])
                #expect(Self.agrees(mine, other), "\(label) released \(method): hazmap \(mine) m², Shapely \(other) m²")
                if method == "total" { released += other }
                compared += 1
            }
            let ourRemaining = try #require(period["remaining_end"] as? [String: Any])
            let theirRemaining = try #require(year["remaining"] as? [String: Any])
            for (mine, other) in [("cha", "CHA"), ("sha", "SHA"), ("total", "total")] {
                let ourArea = try ConsistencyMatrixTests.m2(ourRemaining[mine])
                let theirArea = try ConsistencyMatrixTests.m2(theirRemaining[other])
                #expect(Self.agrees(ourArea, theirArea),
                        "\(label) remaining \(other): hazmap \(ourArea) m², Shapely \(theirArea) m²")
                #expect(theirArea > 0)
                compared += 1
            }
        }
        #expect(compared == 14 * 7)
        // Land was released over the years (km², not slivers), so the released figures are tested, not zeros.
        #expect(released > 1e6)
    }

    @Test("the extent as of 2020-12-31, CHA and SHA, to 1e-7")
    func extentAsOf() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try ConsistencyMatrixTests.generate(["--hazards", "300", "--seed", "4", "--layout", "longedges"],
                                                       into: folder)
        let hazards = data.appendingPathComponent("hazards.gpkg").path
        let releases = data.appendingPathComponent("releases.gpkg").path
        let ours = try ConsistencyMatrixTests.json(["extent", hazards, "--releases", releases, "--as-of", "2020-12-31",
                                                    "-q", "--json"])
        let theirs = try ShapelyReference.run("reference_extent.py", [hazards, "--releases", releases,
                                                                "--as-of", "2020-12-31"])
        var byClass: [String: Double] = [:]
        for group in try #require(ours["groups"] as? [[String: Any]]) {
            byClass[try #require(group["class"] as? String).uppercased()] = try ConsistencyMatrixTests.m2(group["area"])
        }
        let classes = try #require(theirs["classes"] as? [String: Any])
        for hazardClass in ["CHA", "SHA"] {
            let mine = try #require(byClass[hazardClass]), other = try ConsistencyMatrixTests.m2(classes[hazardClass])
            #expect(other > 1e6)
            #expect(Self.agrees(mine, other), "\(hazardClass): hazmap \(mine) m², Shapely \(other) m²")
        }
    }
}

/// The Python reference scripts of Tools/bench, run with the venv `Tools/bench/setup.sh` makes.
enum ShapelyReference {
    static let python = Binary.packageRoot.appendingPathComponent("Tools/bench/.venv/bin/python").path
    static let bench = Binary.packageRoot.appendingPathComponent("Tools/bench")

    /// Whether hazmap, hazmap-generate and the venv are there.
    static var ready: Bool {
        Binary.path("hazmap") != nil && Binary.path("hazmap-generate") != nil
            && FileManager.default.isExecutableFile(atPath: python)
    }

    /// Runs a reference script with the venv's Python and parses its `--json` output.
    static func run(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let outcome = try Binary.run(python, [bench.appendingPathComponent(script).path] + arguments + ["--json"])
        guard outcome.status == 0 else { throw CLITestError("\(script) exited \(outcome.status): \(outcome.stderr)") }
        return try CLI.object(outcome.stdout)
    }
}
