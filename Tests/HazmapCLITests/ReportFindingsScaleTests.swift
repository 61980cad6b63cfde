import Foundation
import Testing

/// Issue 20 item 5 at scale: on a generated 5,000-hazard scenario every error is counted on the page and
/// reachable in findings.csv (linked from each group), against the planted defects of scenario.json and
/// `ogrinfo` SQL on the hazards.
@Suite(.serialized) struct ReportFindingsScaleTests {
    private static var ready: Bool {
        CLI.ready && Binary.path("hazmap-generate") != nil
    }

    /// The records of a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, CRLF rows).
    private func records(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? characters.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = characters.next()
                    if next == "\"" { field += "\"" } else { quoted = false; pending = next }
                } else { field.unicodeScalars.append(scalar) }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field); field = ""
            } else if scalar == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else if scalar != "\r" {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test(.enabled(if: ready, "needs hazmap, hazmap-generate and ogrinfo"))
    func everyErrorIsCountedAndReachable() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario")
        let generator = try #require(Binary.path("hazmap-generate"))
        let generated = try Binary.run(generator, ["--hazards", "5000", "--seed", "7", "--out", scenario.path,
                                                   "--style", "canonical"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let hazards = scenario.appendingPathComponent("hazards.gpkg").path
        let output = folder.appendingPathComponent("report").path
        let run = try CLI.hazmap(["report", "--hazards", hazards, "--today", "2026-01-01", "--threads", "2", "--quiet",
                                  "-o", output])
        #expect(run.status == 0, "\(run.stderr)")

        // The independent counts: what the generator planted, and ogrinfo on the file.
        let summary = try CLI.object(String(contentsOfFile: scenario.appendingPathComponent("scenario.json").path,
                                            encoding: .utf8))
        let planted = try #require(summary["planted"] as? [String: Any])
        func count(_ key: String) throws -> Int { try #require(planted[key] as? [Any], "\(key)").count }
        let sql = "SELECT SUM(geom IS NOT NULL AND NOT ST_IsValid(geom)) AS invalid, SUM(geom IS NULL) AS nulls, "
            + "COUNT(*) - COUNT(DISTINCT id) AS duplicates FROM hazards"
        func ogr(_ field: String) throws -> Int {
            try #require(CLI.sql(hazards, sql, field: field).first.flatMap { Int($0) }, "\(field)")
        }
        let expected = ["invalid-geometry": try ogr("invalid"), "null-geometry": try ogr("nulls"),
                        "duplicate-id": try ogr("duplicates")]
        #expect(expected["invalid-geometry"] == (try count("invalid_hazards")))
        #expect(expected["null-geometry"] == (try count("null_geometry_hazards")))
        #expect(expected["duplicate-id"] == (try count("duplicate_id_hazards")))
        let errors = expected.values.reduce(0, +)
        #expect(errors == 108)

        // findings.csv holds every error, errors first, one run per group.
        let rows = records(try String(contentsOfFile: output + "/findings.csv", encoding: .utf8))
        #expect(rows.first == ["severity", "code", "file", "feature", "id", "message", "fix"])
        let findings = Array(rows.dropFirst())
        var inFile: [String: Int] = [:]
        for row in findings where row[0] == "error" { inFile[row[1], default: 0] += 1 }
        #expect(inFile == expected)
        let lastError = try #require(findings.lastIndex { $0[0] == "error" })
        #expect(findings.prefix(lastError + 1).allSatisfy { $0[0] == "error" })

        // The page: the errors figure, and each group's count, severity and run of rows in findings.csv.
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.contains("<b>\(errors)</b><span>data errors found</span>"))
        let groups = try ReportPage.rows(ofTable: "finding-groups", in: html)
        var onPage: [String: Int] = [:]
        var covered = 0
        for group in groups {
            let count = try #require(ReportPage.number(group[2]).map { Int($0) })
            if group[0] == "error" { onPage[group[1], default: 0] += count }
            let bounds = group[4].replacingOccurrences(of: "findings ", with: "").replacingOccurrences(of: "finding ", with: "")
                .split(separator: "–").compactMap { ReportPage.number(String($0)).map { Int($0) } }
            let first = try #require(bounds.first), last = try #require(bounds.last)
            #expect(last - first + 1 == count, "\(group)")
            #expect(findings[(first - 1)...(last - 1)].allSatisfy { $0[0] == group[0] && $0[1] == group[1] }, "\(group)")
            covered += count
        }
        #expect(onPage == expected)
        #expect(covered == findings.count)
        // Every group row links to the file.
        let table = try #require(html.range(of: "<table id=\"finding-groups\">"))
        let links = html[table.upperBound...].components(separatedBy: "</table>")[0]
            .components(separatedBy: "<a href=\"findings.csv\">").count - 1
        #expect(links == groups.count)
    }
}
