import Foundation
import GeoIO
import GeometryCore

/// Generates a whole scenario into a folder: hazards and releases streamed together, the context
/// layers, the population raster, `scenario.json`, and `mapping.toml` for the IMSMA style.
struct ScenarioWriter {
    /// The vector format of the hazards and releases (the context layers are always GeoJSON).
    enum Format: String, CaseIterable {
        case gpkg, geojsonseq, geojson

        var fileExtension: String {
            switch self {
            case .gpkg: "gpkg"
            case .geojsonseq: "geojsonl"
            case .geojson: "geojson"
            }
        }
    }

    /// The fixed timestamp GDAL writes into GeoPackage metadata, so output is byte-for-byte
    /// reproducible (GDAL's `OGR_CURRENT_DATE` configuration option).
    static let fixedTimestamp = "2025-01-01T00:00:00.000Z"

    var hazardCount: Int
    var seed: UInt64
    var directory: URL
    var format: Format
    var style: OutputStyle
    var rasterWidth: Int?
    var shapes: ShapeLayout = .scattered

    /// Writes every file; returns the summary that was saved as `scenario.json`.
    func run() throws -> ScenarioSummary {
        setenv("OGR_CURRENT_DATE", ScenarioWriter.fixedTimestamp, 1)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let layout = ScenarioLayout(hazardCount: hazardCount, seed: seed, areaFactor: shapes.areaFactor,
                                    frontline: shapes == .frontline)
        var files: [String: String] = [:]
        var counts: [String: Int] = [:]
        func path(_ layer: String, _ ext: String) -> String {
            files[layer] = "\(layer).\(ext)"
            return directory.appendingPathComponent("\(layer).\(ext)").path
        }

        // Hazards and releases, one hazard at a time. Geometries are written as generated (`roundsValid: false`),
        // planted invalid polygons included, so that a scenario is exactly what its seed makes.
        let hazards = try FeatureWriter(path: path("hazards", format.fileExtension), layer: "hazards",
                                        fields: style.hazardSchema, geometryKind: .polygon, roundsValid: false)
        let releases = try FeatureWriter(path: path("releases", format.fileExtension), layer: "releases",
                                         fields: style.releaseSchema, geometryKind: .polygon, roundsValid: false)
        var stream = HazardStream(layout: layout, hazardCount: hazardCount, seed: seed, shapes: shapes)
        var classes: [String: Int] = [:]
        var methods: [String: Int] = [:]
        for index in 0..<hazardCount {
            let (hazard, hazardReleases) = stream.next(index: index)
            let geometry = try hazard.rings.map(Geometry.polygon)
            try hazards.write(geometry: geometry, properties: style.properties(of: hazard))
            classes[hazard.hazardClass, default: 0] += 1
            for release in hazardReleases {
                try releases.write(geometry: Geometry.polygon(release.rings), properties: style.properties(of: release))
                methods[release.method, default: 0] += 1
            }
        }
        counts["hazards"] = hazards.count
        counts["releases"] = releases.count
        try hazards.commit()
        try releases.commit()

        // Context layers, always GeoJSON.
        let context = ContextLayers(layout: layout, hazardCount: hazardCount, seed: seed)
        func layer(_ name: String, _ schema: [FieldDefinition], _ kind: GeometryKind,
                   _ body: (FeatureWriter) throws -> Void) throws {
            let writer = try FeatureWriter(path: path(name, "geojson"), layer: name, fields: schema, geometryKind: kind,
                                           roundsValid: false)
            try body(writer)
            counts[name] = writer.count
            try writer.commit()
        }
        try layer("regions", ContextLayers.regionSchema, .polygon, context.writeRegions)
        try layer("accidents", ContextLayers.accidentSchema, .point, context.writeAccidents)
        try layer("facilities", ContextLayers.facilitySchema, .point, context.writeFacilities)
        try layer("roads", ContextLayers.roadSchema, .lineString, context.writeRoads)
        let routes = try FeatureWriter(path: path("routes", "geojson"), layer: "routes",
                                       fields: ContextLayers.routeSchema, geometryKind: .lineString)
        let events = try FeatureWriter(path: path("route_events", "geojson"), layer: "route_events",
                                       fields: ContextLayers.routeEventSchema, geometryKind: .lineString)
        try context.writeRoutes(routes: routes, events: events)
        counts["routes"] = routes.count
        counts["route_events"] = events.count
        try routes.commit()
        try events.commit()

        // Population raster, row by row.
        let population = PopulationRaster(layout: layout, width: rasterWidth)
        let rasterPath = path("population", "tif")
        let raster = try RasterWriter(path: rasterPath, width: population.width, height: population.height,
                                      geoTransform: population.geoTransform, crs: "EPSG:4326",
                                      nodata: Double(PopulationRaster.nodata))
        try population.write(to: raster)

        if let mapping = style.mappingTOML {
            files["mapping"] = "mapping.toml"
            try Data(mapping.utf8).write(to: directory.appendingPathComponent("mapping.toml"), options: .atomic)
        }
        let summary = ScenarioSummary(
            seed: seed, style: style.rawValue,
            bbox: [layout.box.minX, layout.box.minY, layout.box.maxX, layout.box.maxY],
            files: files, counts: counts, hazardClasses: classes, releaseMethods: methods,
            raster: .init(file: "population.tif", width: population.width, height: population.height,
                          cellDegrees: population.cellDegrees, nodata: Double(PopulationRaster.nodata), crs: "EPSG:4326"),
            planted: stream.truth)
        try summary.encoded().write(to: directory.appendingPathComponent("scenario.json"), options: .atomic)
        return summary
    }
}
