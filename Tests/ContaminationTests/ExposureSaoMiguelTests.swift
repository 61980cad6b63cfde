import Foundation
import GeoIO
import GeometryCore
import Loading
import Testing
@testable import Contamination

/// Per-municipality population of São Miguel (GPW v4.11 2020 counts over the six concelhos), against the
/// values exactextract 0.3.0 computed independently. ExposureSaoMiguelReference.json, beside this file, was
/// made by Tools/bench/exposure/saomiguel_exactextract.py; Tools/bench/exposure/README.md gives the command.
/// Skipped when ../shared/data/sao-miguel-gpw is absent.
@Suite("Exposure on São Miguel (GPW) against exactextract")
struct ExposureSaoMiguelTests {
    static let folder: String? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let candidate = url.deletingLastPathComponent().appendingPathComponent("shared/data/sao-miguel-gpw").path
        return FileManager.default.fileExists(atPath: candidate + "/concelhos.gpkg") ? candidate : nil
    }()

    struct Reference: Decodable {
        struct Municipality: Decodable {
            let name: String
            let sum: Double
            let count: Double
        }
        let municipalities: [Municipality]
    }

    @Test(.enabled(if: folder != nil, "../shared/data/sao-miguel-gpw is absent"))
    func municipalitySumsMatchExactextract() throws {
        let folder = try #require(Self.folder)
        let referenceURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("ExposureSaoMiguelReference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: referenceURL))
        let raster = try PopulationRaster(path: folder + "/gpw_v411_2020_count_2020.tif")
        let features = try FeatureReader(path: folder + "/concelhos.gpkg", layer: "concelhos").readAll()
        #expect(features.count == reference.municipalities.count)
        for municipality in reference.municipalities {
            let feature = try #require(features.first { $0.properties["name"] == .string(municipality.name) })
            let geometry = try #require(feature.geometry)
            let totals = try raster.totals(of: geometry, threads: 2)
            let relative = abs(totals.people - municipality.sum) / municipality.sum
            #expect(relative < 1e-6, "\(municipality.name): \(totals.people) vs exactextract \(municipality.sum)")
            let dataCells = totals.coveredCells - totals.nodataCells
            #expect(abs(dataCells - municipality.count) / municipality.count < 1e-6,
                    "\(municipality.name): \(dataCells) covered cells with data vs exactextract \(municipality.count)")
        }
    }
}
