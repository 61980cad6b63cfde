import Foundation
import Testing

/// Hazard ids and region names that a spreadsheet would run as formulas reach every CSV file and report
/// table as text: prefixed with `'` (OWASP CSV injection), while numbers, negative ones included, stay
/// numbers.
@Suite("CSV cells never become spreadsheet formulas", .enabled(if: CLI.ready, "the sample, hazmap or ogrinfo is missing"))
struct SpreadsheetFormulaTests {
    /// Hazard ids as given, and as every CSV must hold them.
    static let ids: [(given: String, written: String)] = [
        ("H0", "H0"), ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1", "'+1"),
        ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ]
    /// The `risk` attribute of each hazard: the HYPERLINK one's is negative and must stay the number -5.
    static let risks = [4, -5.0, 1, 2, 3]
    static let regionCode = "=1+2"

    /// Five overlapping 0.001° squares (each overlaps the one before: overlap findings name them), one region
    /// around them all, one clearance inside the first square.
    static func writeInputs(in folder: URL) throws {
        let features = ids.indices.map { index -> String in
            let x = 20 + Double(index) * 0.0005
            let id = ids[index].given.replacingOccurrences(of: "\"", with: "\\\"")
            return """
            {"type": "Feature", "properties": {"id": "\(id)", "class": "CHA", "recorded": "2020-01-01",
             "risk": \(risks[index])}, "geometry": {"type": "Polygon", "coordinates": [[[\(x), 44], [\(x + 0.001), 44],
             [\(x + 0.001), 44.001], [\(x), 44.001], [\(x), 44]]]}}
            """
        }
        try "{\"type\": \"FeatureCollection\", \"features\": [\(features.joined(separator: ",\n"))]}"
            .write(to: folder.appendingPathComponent("hazards.geojson"), atomically: true, encoding: .utf8)
        try """
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "\(regionCode)",
         "name": "@region"}, "geometry": {"type": "Polygon", "coordinates": [[[19.9, 43.9], [20.1, 43.9], [20.1, 44.1],
         [19.9, 44.1], [19.9, 43.9]]]}}]}
        """.write(to: folder.appendingPathComponent("regions.geojson"), atomically: true, encoding: .utf8)
        try """
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "-R1", "method": "cleared",
         "date": "2021-06-01"}, "geometry": {"type": "Polygon", "coordinates": [[[20, 44], [20.0002, 44],
         [20.0002, 44.0002], [20, 44.0002], [20, 44]]]}}]}
        """.write(to: folder.appendingPathComponent("releases.geojson"), atomically: true, encoding: .utf8)
        try """
        [[criterion]]
        name = "risk"
        kind = "attribute"
        field = "risk"
        weight = 1
        """.write(to: folder.appendingPathComponent("criteria.toml"), atomically: true, encoding: .utf8)
    }

    @Test("findings.csv, priorities CSV, ledger CSV, report tables and batch summary hold formulas as text")
    func formulasBecomeText() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeInputs(in: folder)
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let hazards = path("hazards.geojson"), regions = path("regions.geojson"), releases = path("releases.geojson")
        let written = Set(Self.ids.map(\.written))

        let validate = try CLI.hazmap(["validate", hazards, "-o", path("findings.csv"), "-q"])
        #expect(validate.status == 0, "\(validate.stderr)")
        let findings = try Self.table(path("findings.csv"))
        let findingIds = Set(findings.column("id"))
        #expect(findingIds == written.subtracting(["H0"]), "\(findingIds)")
        // ogrinfo reads the same cells back (CSV driver, fields as strings).
        let ogr = try Binary.run("/usr/bin/ogrinfo", ["-al", "-q", "-oo", "AUTODETECT_TYPE=NO", path("findings.csv")])
        #expect(ogr.stdout.contains("id (String) = '=HYPERLINK(\"http://x\",\"y\")"), "\(ogr.stdout)")
        #expect(ogr.stdout.contains("id (String) = '@SUM(A1)"))
        #expect(!ogr.stdout.contains("id (String) = =") && !ogr.stdout.contains("id (String) = +"))

        let prioritize = try CLI.hazmap(["prioritize", hazards, "--criteria", path("criteria.toml"),
                                         "-o", path("priorities.csv"), "-q"])
        #expect(prioritize.status == 0, "\(prioritize.stderr)")
        let priorities = try Self.table(path("priorities.csv"))
        #expect(Set(priorities.column("id")) == written)
        let risk = priorities.rows.first { $0[priorities.index("id")] == "'=HYPERLINK(\"http://x\",\"y\")" }
            .map { $0[priorities.index("risk_raw")] }
        #expect(risk.flatMap(Double.init) == -5, "risk column: \(risk ?? "none")")

        let release = try CLI.hazmap(["release", hazards, releases, "--regions", regions, "-o", path("ledger.csv"), "-q"])
        #expect(release.status == 0, "\(release.stderr)")
        let ledger = try Self.table(path("ledger.csv"))
        #expect(Set(ledger.column("region")).contains("'\(Self.regionCode)"), "\(Set(ledger.column("region")))")
        #expect(!ledger.column("region").contains(Self.regionCode))
        // Figures stay numbers (rows with no class split leave the cell empty).
        #expect(ledger.column("cha_m2").allSatisfy { $0.isEmpty || Double($0) != nil })
        #expect(ledger.column("total_m2").allSatisfy { Double($0) != nil })

        let report = try CLI.hazmap(["report", "--hazards", hazards, "--releases", releases, "--regions", regions,
                                     "--criteria", path("criteria.toml"), "--today", "2025-01-01",
                                     "-o", path("report"), "-q"])
        #expect(report.status == 0, "\(report.stderr)")
        let reportPriorities = try Self.table(path("report/priorities.csv"))
        #expect(Set(reportPriorities.column("id")) == written)
        #expect(reportPriorities.column("risk").contains("-5.000000"), "\(reportPriorities.column("risk"))")
        #expect(Set(try Self.table(path("report/findings.csv")).column("id")) == findingIds)
        let html = try String(contentsOfFile: path("report/index.html"), encoding: .utf8)
        for formula in ["<td>=", "<td>+", "<td>@", "<td>-2+3"] {
            #expect(!html.contains(formula), "index.html has a cell starting \(formula)")
        }
        #expect(html.contains("<td class=\"n\">-5.0"), "the negative risk is no longer a number in the page")

        let jobs = path("jobs.toml")
        try """
        [[job]]
        name = "-sum"
        hazards = "\(hazards)"
        [job.overrides]
        analyses = ["validate", "extent"]
        """.write(toFile: jobs, atomically: true, encoding: .utf8)
        let batch = try CLI.hazmap(["batch", jobs, "--out", path("batch"), "-q"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let summary = try Self.table(path("batch/summary.csv"))
        #expect(summary.column("job") == ["'-sum"])
        #expect(summary.column("remaining_cha_km2").allSatisfy { Double($0) != nil })
        let summaryPage = try String(contentsOfFile: path("batch/summary.html"), encoding: .utf8)
        #expect(!summaryPage.contains("<td>-sum") && summaryPage.contains("<td>'-sum"))
    }

    /// A CSV file parsed per RFC 4180: header and rows of unquoted cells.
    struct Table {
        var header: [String]
        var rows: [[String]]

        func index(_ name: String) -> Int { header.firstIndex(of: name) ?? -1 }
        func column(_ name: String) -> [String] {
            let position = index(name)
            return rows.compactMap { position >= 0 && position < $0.count ? $0[position] : nil }
        }
    }

    static func table(_ path: String) throws -> Table {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? characters.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = characters.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && cell.isEmpty {
                quoted = true
            } else if scalar == "," {
                row.append(cell); cell = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r" { let next = characters.next(); if next != "\n" { pending = next } }
                row.append(cell); cell = ""
                rows.append(row); row = []
            } else {
                cell.unicodeScalars.append(scalar)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        guard let header = rows.first else { throw CLITestError("\(path) is empty") }
        return Table(header: header, rows: Array(rows.dropFirst()))
    }
}
