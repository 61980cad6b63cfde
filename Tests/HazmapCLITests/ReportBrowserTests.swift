import Foundation
import Testing

/// Issue 20 item 8: the sample's report in a real browser. Debian's headless Chromium opens index.html from
/// file:// with every host name unresolvable, and the page's self-test (`#hazmap-selftest`) writes what the
/// map drew into the DOM (`--dump-dom`): every visible layer draws one element per feature, the hazards
/// drawn are the hazards of the sample that have a polygon (counted with `ogrinfo`), the first hazard's
/// popup opens with its id, class, priority rank and region, the scale bar and north arrow are there, the
/// page loaded no resource at all, and no script error occurred. A screenshot of the map goes to
/// .build/test-artifacts/report.png for people to look at.
@Suite(.serialized) struct ReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var ready: Bool {
        chromium != nil && CLI.ready && FileManager.default.fileExists(atPath: "/usr/share/javascript/leaflet/leaflet.css")
    }

    /// Runs headless Chromium on `page` with no network, in its own profile folder.
    private func chromium(_ arguments: [String], page: URL, profile: URL) throws -> Binary.Outcome {
        let executable = try #require(Self.chromium)
        let url = page.absoluteString + "#hazmap-selftest"
        return try Binary.run(executable, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=20000",
        ] + arguments + [url])
    }

    /// The self-test's JSON from the dumped DOM (the text of `<pre id="hazmap-selftest">`).
    private func selfTest(_ dom: String) throws -> [String: Any] {
        let start = try #require(dom.range(of: "<pre id=\"hazmap-selftest\">"), "no self-test result in the DOM")
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let text = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
        return try CLI.object(text)
    }

    /// Hazards of the sample with a non-empty geometry, by SQLite through `ogrinfo`.
    private func hazardsWithGeometry() throws -> Int {
        let outcome = try Binary.run("/usr/bin/ogrinfo", [
            "-ro", "-q", "-dialect", "sqlite", "-sql",
            "SELECT COUNT(*) AS n FROM hazards WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)", CLI.sample("hazards.gpkg"),
        ])
        let line = try #require(outcome.stdout.split(separator: "\n").first { $0.contains("n (Integer") && $0.contains("=") })
        return try #require(Int(line.split(separator: "=").last?.trimmingCharacters(in: .whitespaces) ?? ""))
    }

    @Test(.enabled(if: ready, "needs chromium, libjs-leaflet, ogrinfo and a built hazmap"))
    func sampleReportMapWorksOfflineInChromium() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report")
        func sample(_ name: String) -> String { CLI.sample(name) }
        let run = try CLI.hazmap([
            "report", "--hazards", sample("hazards.gpkg"), "--releases", sample("releases.gpkg"),
            "--regions", sample("regions.geojson"), "--population", sample("population.tif"),
            "--distances", "1km", "--accidents", sample("accidents.geojson"),
            "--facilities", sample("facilities.geojson"), "--roads", sample("roads.geojson"),
            "--routes", sample("routes.geojson"), "--route-events", sample("route_events.geojson"),
            "--criteria", Binary.packageRoot.appendingPathComponent("GeoData/criteria/prisma.toml").path,
            "--mapping", sample("mapping.toml"), "--today", "2026-01-01", "--quiet", "-o", report.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let page = report.appendingPathComponent("index.html")
        // The static map, for print, shows the same: routes by status, the top priorities numbered, region names.
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("data-layer=\"Route: cleared\"") && html.contains(">#1</text>") && html.contains(">#20</text>"))
        #expect(html.contains(">Lugsko (D03)</text>"))

        let dumped = try chromium(["--dump-dom"], page: page, profile: folder.appendingPathComponent("profile"))
        #expect(dumped.status == 0, "\(dumped.stderr.suffix(2000))")
        let result = try selfTest(dumped.stdout)

        #expect((result["errors"] as? [String]) == [], "script errors: \(result["errors"] ?? "?")")
        #expect(result["resources"] as? Int == 0, "the page loaded \(result["resources"] ?? "?") resources")
        let layers = try #require(result["layers"] as? [String: [String: Any]])
        // The sample's routes are all verified or cleared by its last year end: no unverified stretch is drawn.
        for id in ["regions", "remaining-cha", "remaining-sha", "hazards", "released-cancelled", "released-reduced",
                   "released-cleared", "routes-verified", "routes-cleared", "findings-error", "region-names", "priorities"] {
            #expect(layers[id] != nil, "no layer \(id)")
        }
        for (id, layer) in layers where layer["visible"] as? Bool == true {
            let features = try #require(layer["features"] as? Int), drawn = try #require(layer["drawn"] as? Int)
            #expect(features > 0 && drawn == features, "layer \(id): \(drawn) drawn of \(features)")
        }
        // Warnings (the sample's many overlaps) are off when the page opens, and then draw nothing.
        #expect(layers["findings-warning"]?["visible"] as? Bool == false && layers["findings-warning"]?["drawn"] as? Int == 0)
        #expect(layers["hazards"]?["drawn"] as? Int == (try hazardsWithGeometry()))
        #expect(layers["priorities"]?["drawn"] as? Int == 20)
        let first = try #require(result["firstHazard"] as? String)
        let popup = try #require(result["popup"] as? String)
        #expect(popup.contains("Hazard" + first), "popup: \(popup)")
        for label in ["Class", "Type", "Status", "Area", "Priority rank", "Region"] {
            #expect(popup.contains(label), "the popup lacks \(label): \(popup)")
        }
        #expect((result["scaleBar"] as? String)?.hasSuffix("m") == true)
        #expect(result["northArrow"] as? Bool == true)
        // On screen the interactive map replaces the static one (kept for print).
        #expect(result["staticMapShown"] as? Bool == false)

        let artifacts = Binary.packageRoot.appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("report.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try chromium(["--screenshot=\(screenshot.path)", "--window-size=1400,900", "--hide-scrollbars"],
                                page: page, profile: folder.appendingPathComponent("profile-shot"))
        #expect(shot.status == 0, "\(shot.stderr.suffix(2000))")
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "screenshot of \(png.count) bytes")
    }

    /// A hazard whose id tries to close the data's `<script>` element and run its own script: in the browser
    /// the id shows, unchanged, in the hazard's popup, no script of its own runs (it would push an error),
    /// and the page holds only its four scripts.
    @Test(.enabled(if: ready, "needs chromium, libjs-leaflet and a built hazmap"))
    func hostileHazardIdStaysText() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = "</script><script>window.hazmapErrors.push('pwned')</script><!-- <b>&amp;"
        let feature: [String: Any] = [
            "type": "Feature", "properties": ["id": hostile, "class": "CHA", "recorded": "2020-01-01"],
            "geometry": ["type": "Polygon", "coordinates": [[[18, 44], [18.01, 44], [18.01, 44.01], [18, 44.01], [18, 44]]]],
        ]
        let hazards = folder.appendingPathComponent("hazards.geojson")
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": [feature]]).write(to: hazards)
        let report = folder.appendingPathComponent("report")
        let run = try CLI.hazmap(["report", "--hazards", hazards.path, "--today", "2026-01-01", "--quiet", "-o", report.path])
        #expect(run.status == 0, "\(run.stderr)")
        let dumped = try chromium(["--dump-dom"], page: report.appendingPathComponent("index.html"),
                                  profile: folder.appendingPathComponent("profile"))
        let result = try selfTest(dumped.stdout)
        #expect((result["errors"] as? [String]) == [], "script errors: \(result["errors"] ?? "?")")
        #expect(result["firstHazard"] as? String == hostile)
        #expect((result["popup"] as? String)?.contains("Hazard" + hostile) == true, "\(result["popup"] ?? "?")")
        #expect(dumped.stdout.components(separatedBy: "<script").count - 1 == 4)
    }
}
