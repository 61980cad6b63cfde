import Foundation
import GeoIO
import GeometryCore
import Loading
import Testing
@testable import Contamination

/// The nodata share weighted by geodesic cell area, and polygons densified before they enter a projected raster,
/// against closed-form values.
@Suite("Exposure: geodesic nodata share and densified edges")
struct ExposureAreaWeightingTests {
    @Test func nodataShareIsTheShareOfCoveredGeodesicArea() throws {
        // One column of two tall cells, 0.01° wide: row 0 from 60°N to 30°N holds 5 people, row 1 from 30°N to the
        // equator is nodata. The polygon covers the west half of row 0's cell and all of row 1's.
        let transform = GeoTransform(originX: 0, originY: 60, cellWidth: 0.01, cellHeight: 30)
        let path = try ExposureTests.writeRaster(transform: transform, width: 1, height: 2) { _, row in
            row == 0 ? 5 : ExposureTests.nodata
        }
        let raster = try PopulationRaster(path: path)
        let polygon = try Geometry.polygon(PolygonRings(shell: [0, 0, 0.01, 0, 0.01, 30, 0.005, 30, 0.005, 60,
                                                                0, 60, 0, 0]))
        let totals = try raster.totals(of: polygon)
        #expect(abs(totals.people - 2.5) < 1e-9)
        #expect(abs(totals.coveredCells - 1.5) < 1e-9)
        #expect(abs(totals.nodataCells - 1) < 1e-9)
        let north = ExposureTests.zoneSquareKilometers(south: 30, north: 60, widthDegrees: 0.01)
        let south = ExposureTests.zoneSquareKilometers(south: 0, north: 30, widthDegrees: 0.01)
        // By cells the share would be 1 / 1.5 = 0.667; by geodesic area it is 0.776.
        let expected = south / (north / 2 + south)
        #expect(abs(totals.nodataShare - expected) < 1e-6)
        #expect(abs(totals.coveredSquareKilometers - (north / 2 + south)) / (north / 2 + south) < 1e-6)
        #expect(abs(totals.nodataSquareKilometers - south) / south < 1e-6)
    }

    @Test func edgesFollowTheirLonLatPathInAProjectedRaster() throws {
        // Web Mercator (EPSG:3857, a sphere of R = 6378137 m) cells of 10 km holding 1 person each, so people =
        // covered area / 10⁸ m². The lon/lat triangle (0°, 60°), (10°, 60°), (0°, 70°) has its hypotenuse
        // λ = 70° − φ; in Mercator x = Rλ, y = R ln tan(π/4 + φ/2), its area is ∫ x dy = ∫ R²(70° − φ) sec φ dφ
        // over 60°…70°, taken here by Simpson's rule. The straight chord between the projected corners would
        // give 6.7% more.
        let transform = GeoTransform(originX: -20_000, originY: 11_100_000, cellWidth: 10_000, cellHeight: 10_000)
        let path = try ExposureTests.writeRaster(crs: "EPSG:3857", transform: transform, width: 124,
                                                 height: 272) { _, _ in 1 }
        let raster = try PopulationRaster(path: path)
        let triangle = try Geometry.polygon(PolygonRings(shell: [0, 60, 10, 60, 0, 70, 0, 60]))
        let totals = try raster.totals(of: triangle)
        let radius = 6_378_137.0, steps = 2_000
        let low = 60.0 * .pi / 180, high = 70.0 * .pi / 180, h = (high - low) / Double(steps)
        func integrand(_ phi: Double) -> Double { radius * (high - phi) * radius / cos(phi) }
        var simpson = integrand(low) + integrand(high)
        for index in 1..<steps { simpson += (index % 2 == 1 ? 4 : 2) * integrand(low + Double(index) * h) }
        let area = simpson * h / 3
        #expect(abs(totals.people - area / 1e8) / (area / 1e8) < 5e-6)
        #expect(!totals.extendsBeyondRaster)
    }
}
