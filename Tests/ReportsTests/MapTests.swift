import Foundation
import GeometryCore
import Testing
@testable import Reports

struct MapTests {
    /// lon 10…12, lat 59…61: the middle latitude is 60°, cos 60° = 0.5, so the square is 1 "degree" wide
    /// and 2 high; in a 200 × 200 frame the scale is 100 px per degree of latitude, the drawing is 100 px
    /// wide, centred 50 px from the left.
    @Test func squareProjectsToHandComputedPath() throws {
        let projection = MapProjection(fitting: Bounds(minX: 10, minY: 59, maxX: 12, maxY: 61),
                                       into: Frame(x: 0, y: 0, width: 200, height: 200))
        #expect(abs(projection.pixelsPerDegree - 100) < 1e-9)
        let ring: FlatXY = [10, 59, 12, 59, 12, 61, 10, 61, 10, 59]
        let path = SVGPath.polygons([PolygonRings(shell: ring)], projection: projection)
        #expect(path == "M50,200L150,200L150,0L50,0Z")
    }

    @Test func holesAreSubpathsForEvenOddFilling() throws {
        let projection = MapProjection(fitting: Bounds(minX: 10, minY: 59, maxX: 12, maxY: 61),
                                       into: Frame(x: 0, y: 0, width: 200, height: 200))
        let shell: FlatXY = [10, 59, 12, 59, 12, 61, 10, 61, 10, 59]
        let hole: FlatXY = [10.5, 59.5, 10.5, 60.5, 11.5, 60.5, 11.5, 59.5, 10.5, 59.5]
        let path = SVGPath.polygons([PolygonRings(shell: shell, holes: [hole])], projection: projection)
        // x = 50 + (lon − 10) · 0.5 · 100, y = (61 − lat) · 100
        #expect(path == "M50,200L150,200L150,0L50,0ZM75,150L75,50L125,50L125,150Z")
        let svg = try MapRenderer().render([MapLayer(label: "CHA & co", geometries: [
            try Geometry.polygon(PolygonRings(shell: shell, holes: [hole])),
        ], style: MapStyle(fill: "#ff0000", stroke: "#000000"))], title: "t")
        #expect(svg.contains("fill-rule=\"evenodd\""))
        #expect(svg.contains(">CHA &amp; co</text>"))
    }

    /// The ground width of the drawing equals PROJ's `geod -I` distance between the west and east edges
    /// at the middle latitude.
    @Test(.enabled(if: ExternalTool.available("geod"), "needs PROJ's geod"))
    func scaleMatchesGeod() throws {
        let projection = MapProjection(fitting: Bounds(minX: 17.8, minY: 43.9, maxX: 18.2, maxY: 44.1),
                                       into: Frame(x: 10, y: 10, width: 700, height: 600))
        let text = try ExternalTool.run("geod", ["+ellps=WGS84", "-I", "-f", "%.9f", "-F", "%.6f"],
                                        input: "44 17.8 44 18.2\n")
        let fields = text.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\n" })
        let distance = try #require(fields.last.flatMap { Double($0) })
        #expect(abs(projection.metersPerPixel * projection.drawnWidth - distance) < 1e-5)
    }

    @Test func scaleBarIsARoundLength() {
        let kilometre = ScaleBar(metersPerPixel: 10, maximumPixels: 100)
        #expect(kilometre.meters == 1000 && abs(kilometre.pixels - 100) < 1e-12 && kilometre.label == "1 km")
        let half = ScaleBar(metersPerPixel: 7, maximumPixels: 100)
        #expect(half.meters == 500 && abs(half.pixels - 500.0 / 7) < 1e-12 && half.label == "500 m")
        let two = ScaleBar(metersPerPixel: 45, maximumPixels: 100)
        #expect(two.meters == 2000 && two.label == "2 km")
    }

    @Test func emptyMapSaysSo() throws {
        let svg = try MapRenderer().render([], title: "nothing")
        #expect(svg.contains("No geometry to draw"))
    }
}
