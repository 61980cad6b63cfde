import Foundation
import Testing

/// `hazmap report` on GeoData/sample: the page, its summary figures against `hazmap extent --json`, and
/// the GeoPackage's layers as `ogrinfo` sees them.
@Suite(.serialized, .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo")) struct ReportCommandTests {
    private var common: [String] {
        ["--releases", CLI.sample("releases.gpkg"), "--regions", CLI.sample("regions.geojson"),
         "--mapping", CLI.sample("mapping.toml"), "--threads", "2", "--quiet"]
    }

    /// The numeric cells of each row of the HTML table with this id, keyed by the row's first cell.
    private func rows(ofTable id: String, in html: String) throws -> [String: [Double]] {
        let start = try #require(html.range(of: "<table id=\"\(id)\">"))
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        var result: [String: [Double]] = [:]
        for row in html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst() {
            let cells = row.components(separatedBy: "</td>").compactMap { cell -> String? in
                guard let open = cell.range(of: ">", options: .backwards) else { return nil }
                return String(cell[open.upperBound...])
            }
            guard let key = cells.first, !row.hasPrefix("<th") else { continue }
            result[key] = cells.dropFirst().compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        }
        return result
    }

    @Test func reportMatchesExtentAndHoldsTheLayers() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--today", "2026-01-01", "-o", output,
                                  "--json"] + common)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\""))
        #expect(html.contains("class=\"layer\" data-layer=\"Remaining CHA\""))
        // The interactive map's scripts are inline, and the page's policy lets it load nothing.
        #expect(!html.contains("<script src") && !html.contains("<link"))
        #expect(html.contains("content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\""))

        let extent = try CLI.hazmap(["extent", CLI.sample("hazards.gpkg"), "--by", "class,region", "--json"] + common)
        #expect(extent.status == 0, "\(extent.stderr)")
        let json = try CLI.object(extent.stdout)
        let groups = try #require(json["groups"] as? [[String: Any]])
        var expected: [String: (cha: Double, sha: Double)] = [:]
        for group in groups {
            let region = group["region"] as? String ?? "(outside every region)"
            let km2 = try #require((group["area"] as? [String: Any])?["km2"] as? Double)
            var current = expected[region] ?? (0, 0)
            if group["class"] as? String == "CHA" { current.cha += km2 } else { current.sha += km2 }
            expected[region] = current
        }
        let table = try rows(ofTable: "remaining-by-region", in: html)
        #expect(table.count == expected.count + 1)
        for (region, areas) in expected {
            let cells = try #require(table[region], "region \(region) is missing from the summary table")
            // The page shows km² to 2 decimals.
            #expect(abs(cells[0] - areas.cha) <= 0.005 + 1e-12, "CHA in \(region)")
            #expect(abs(cells[1] - areas.sha) <= 0.005 + 1e-12, "SHA in \(region)")
        }
        let byClass = try #require(json["byClass"] as? [String: [String: Any]])
        let totals = try #require(table["total"])
        #expect(abs(totals[0] - (byClass["CHA"]?["km2"] as? Double ?? -1)) <= 0.005 + 1e-12)
        #expect(abs(totals[1] - (byClass["SHA"]?["km2"] as? Double ?? -1)) <= 0.005 + 1e-12)
        // The report's totals are the extent's own doubles, to the last bit (a sum of the region rows differs: on
        // the sample, SHA 26,916,516.39669048 vs 26,916,516.39669047 m²).
        let remaining = try #require(try CLI.object(run.stdout)["remaining_km2"] as? [String: Double])
        for hazardClass in ["CHA", "SHA"] {
            let km2 = try #require(byClass[hazardClass]?["km2"] as? Double)
            #expect(remaining[hazardClass] == km2, "\(hazardClass): report \(remaining[hazardClass] ?? -1), extent \(km2)")
        }
        #expect(remaining["total"] == ((json["total"] as? [String: Any])?["km2"] as? Double))

        let layers = try CLI.ogrSummary(output + "/report.gpkg")
        #expect(Set(layers.map(\.name)) == ["remaining", "released", "snapshots", "regions", "findings", "layer_styles"])
        #expect(layers.first { $0.name == "remaining" }?.featureCount == groups.count)
        #expect(layers.first { $0.name == "regions" }?.featureCount == 9)
        for name in ["remaining.geojson", "released.geojson", "snapshots.geojson", "remaining_by_region.csv",
                     "released_by_year.csv", "findings.csv", "inputs.csv"] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + name), "\(name)")
        }
        // The page lists every input with its checksum, as sha256sum computes it.
        let sum = try Binary.run("/usr/bin/sha256sum", [CLI.sample("hazards.gpkg")])
        let digest = try #require(sum.stdout.split(separator: " ").first.map(String.init))
        #expect(html.contains(digest))
    }

    @Test func missingSectionsAreNotedNotFaked() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--mapping",
                                  CLI.sample("mapping.toml"), "--quiet", "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.contains("Land released: not in this report"))
        #expect(html.contains("People exposed: not in this report"))
        #expect(!html.contains("id=\"released-by-year\""))
        let layers = try CLI.ogrSummary(output + "/report.gpkg")
        #expect(!layers.contains { $0.name == "released" })
    }
}
