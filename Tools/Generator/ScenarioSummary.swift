import Foundation

/// `scenario.json`: what was generated, from which seed, and the planted problems, as independent
/// truth for tests of validation and analysis.
struct ScenarioSummary: Codable {
    struct RasterInfo: Codable {
        var file: String
        var width: Int
        var height: Int
        var cellDegrees: Double
        var nodata: Double
        var crs: String

        enum CodingKeys: String, CodingKey {
            case file, width, height, nodata, crs
            case cellDegrees = "cell_degrees"
        }
    }

    var generator = "hazmap-generate"
    var seed: UInt64
    var style: String
    /// [min lon, min lat, max lon, max lat] of the scenario box, degrees (EPSG:4326).
    var bbox: [Double]
    /// Files by layer name, relative to the summary.
    var files: [String: String]
    /// Feature counts by layer.
    var counts: [String: Int]
    /// Hazard counts by canonical class.
    var hazardClasses: [String: Int]
    /// Release counts by canonical method.
    var releaseMethods: [String: Int]
    var raster: RasterInfo
    var planted: ScenarioTruth

    enum CodingKeys: String, CodingKey {
        case generator, seed, style, bbox, files, counts, raster, planted
        case hazardClasses = "hazard_classes"
        case releaseMethods = "release_methods"
    }

    /// The summary as pretty-printed JSON with sorted keys, so the same scenario gives the same bytes.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }
}
