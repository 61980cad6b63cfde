import Contamination
import GeoIO
import GeometryCore
import Testing

/// Points far outside their layer, or outside every region: a median/MAD test on coordinates finds a
/// sign-flipped longitude; exact tests against the region polygons find points outside them.
@Suite("Validation: placement of features")
struct PlacementChecksTests {
    static func accident(_ index: Int, lon: Double, lat: Double) throws -> Accident {
        Accident(id: "a\(index)", date: try LedgerTests.day("2020-01-01"), casualties: 1,
                 geometry: try Geometry.point(x: lon, y: lat), source: SourceRef(file: "accidents.geojson",
                                                                                 featureIndex: index))
    }

    @Test("a sign-flipped accident is an outlier and outside the region; the others are neither")
    func signFlippedPoint() throws {
        var accidents = try (0..<15).map {
            try Self.accident($0, lon: 18 + 0.03 * Double($0), lat: 44 + 0.01 * Double($0 % 4))
        }
        accidents.append(try Self.accident(15, lon: -18.2, lat: 44.02))
        let items = PlacementChecks.items(accidents)
        let outliers = try PlacementChecks.outliers(items)
        #expect(outliers.map(\.featureIndex) == [15])
        #expect(outliers.first?.code == .coordinateOutlier)
        let box = try Geometry(wkt: "POLYGON((17.9 43.9, 18.6 43.9, 18.6 44.2, 17.9 44.2, 17.9 43.9))")
        let region = Region(code: "R", name: "R", geometry: box, source: SourceRef(file: "regions.geojson", featureIndex: 0))
        for threads in [1, 3] {
            let outside = try PlacementChecks.outsideRegions(items, regions: [region], threads: threads)
            #expect(outside.map(\.featureIndex) == [15])
            #expect(outside.first?.area == nil)
        }
        // Fewer than ten features: no outlier test.
        #expect(try PlacementChecks.outliers(Array(items.suffix(5))).isEmpty)
    }
}
