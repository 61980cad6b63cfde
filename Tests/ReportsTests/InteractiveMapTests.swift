import Contamination
import Foundation
import GeoIO
import GeometryCore
import Testing
@testable import Reports

struct InteractiveMapTests {
    /// A hazard id that tries every way out of a `<script>` element and out of a JSON string.
    static let hostileId = "</script><script>window.hazmapErrors.push('pwned')</script><!-- \u{2028}\"\\ & </SCRIPT >"

    private func data(hazardId: String) throws -> ReportData {
        var data = ReportData(title: "t", hazmapVersion: "test", asOf: nil, inputs: [])
        let square = try Geometry(wkt: "POLYGON((10 59, 10.001 59, 10.001 59.001, 10 59.001, 10 59))")
        data.hazards = [Hazard(id: hazardId, hazardClass: .cha, hazardType: .ap, status: .open, recorded: nil,
                               region: nil, geometry: square, source: SourceRef(file: "hazards.test", featureIndex: 0))]
        return data
    }

    /// The text of the map's JSON element, up to the first `</script>` after it, as a browser reads it.
    private func embeddedJSON(_ html: String) throws -> String {
        let open = "<script type=\"application/json\" id=\"\(InteractiveMap.dataElement)\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", options: .caseInsensitive, range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func hostileIdStaysInsideTheDataElement() throws {
        let data = try data(hazardId: Self.hostileId)
        let html = InteractiveMap(layers: try data.interactiveLayers(), svg: "<svg></svg>",
                                  assets: LeafletAssets(script: "var L = {};", css: "")).html()
        let json = try embeddedJSON(html)
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("\u{2028}"))
        // The element's text is the whole JSON, and it gives the id back unchanged.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let layers = try #require(object["layers"] as? [[String: Any]])
        let hazards = try #require(layers.first { $0["id"] as? String == "hazards" })
        let features = try #require((hazards["features"] as? [String: Any])?["features"] as? [[String: Any]])
        let properties = try #require(features.first?["properties"] as? [String: Any])
        #expect(properties["id"] as? String == Self.hostileId)
        let rows = try #require(properties["rows"] as? [[String]])
        #expect(rows.first == ["Hazard", Self.hostileId])
        #expect(rows.contains(["Priority rank", "not ranked (no --criteria)"]))
        // The page holds exactly the map's four script elements: none came from the id.
        #expect(html.components(separatedBy: "<script").count - 1 == 4)
    }

    /// Coordinates to 7 decimals (10.123456789 → 10.1234568); positions equal after rounding are dropped.
    @Test func coordinatesAreRoundedAndRepeatsDropped() throws {
        let polygon = try Geometry(wkt: "POLYGON((10.123456789 59, 10.12345681 59, 11 59, 11 60, 10.123456789 59))")
        let json = try #require(try MapGeoJSON().geometry(polygon))
        #expect(json == "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[10.1234568,59],[11,59],[11,60],[10.1234568,59]]]]}")
        let line = try Geometry(wkt: "LINESTRING(1 2, 3.00000004 4)")
        #expect(try MapGeoJSON().geometry(line) == "{\"type\":\"MultiLineString\",\"coordinates\":[[[1,2],[3,4]]]}")
    }

    @Test func jsonStringsEscapeMarkupCharacters() {
        #expect(MapGeoJSON.string("a<b>&\"\\\n\u{1}\u{2029}") == "\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u0001\\u2029\"")
    }

    @Test func leafletIsMadeSafeToInline() {
        let assets = LeafletAssets(script: "var s=\"</SCRIPT>\"; /*<!--*/ t.version=\"1.6.0\"\n//# sourceMappingURL=x.map",
                                   css: "a{background:url(images/x.png)}</style>")
        #expect(assets.script == "var s=\"<\\/SCRIPT>\"; /*<\\!--*/ t.version=\"1.6.0\"")
        #expect(assets.css == "a{background:url(images/x.png)}<\\/style>")
        #expect(assets.version == "1.6.0")
        #expect(LeafletAssets.inlineImages("a{b:url(images/none.png)}", folder: "/nonexistent") == "a{b:none}")
    }

    @Test func withoutLeafletThePageSaysSoAndKeepsTheStaticMap() {
        let html = InteractiveMap(layers: [], svg: "<svg class=\"map\"></svg>", assets: nil).html()
        #expect(html.contains("libjs-leaflet") && html.contains("<svg class=\"map\"></svg>"))
        #expect(!html.contains("<script"))
    }

    /// The installed Leaflet (Debian's libjs-leaflet) loads, with its images inlined as data: URIs.
    @Test(.enabled(if: LeafletAssets.load() != nil, "needs Debian's libjs-leaflet"))
    func installedLeafletLoads() throws {
        let assets = try #require(LeafletAssets.load())
        #expect(assets.version != nil)
        #expect(assets.script.contains("window.L") && !assets.script.contains("sourceMappingURL"))
        #expect(!assets.css.contains("url(images/"))
        #expect(assets.css.contains("url(data:image/png;base64,"))
    }
}
