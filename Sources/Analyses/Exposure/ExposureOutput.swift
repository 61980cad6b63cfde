import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// The exposure figures for the terminal, `--json`, `-o *.json` and `-o *.csv`.
public struct ExposureReport: Encodable {
    public struct Row: Encodable {
        var asOf: String?
        var distanceM: Double?
        var hazardClass: String
        /// What part of the land the row is for: `total`, one `region`, or `outside` every region.
        var scope: String
        /// The region's code; null for the total and for the land outside every region.
        var region: String?
        var regionName: String?
        /// What tables show: "total", the region's name with its code, or "(outside every region)".
        var regionLabel: String
        var people: Double
        var areaKm2: Double
        var nodataShare: Double
        var extendsBeyondRaster: Bool

        enum CodingKeys: String, CodingKey {
            case asOf = "as_of", distanceM = "distance_m", hazardClass = "class", scope, region
            case regionName = "region_name", regionLabel = "region_label"
            case people, areaKm2 = "area_km2", nodataShare = "nodata_share", extendsBeyondRaster = "beyond_raster"
        }

        /// Every key always, `region` and `region_name` null when there is none (as `extent --json` writes
        /// them); `as_of` and `distance_m` only when set.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(asOf, forKey: .asOf)
            try container.encodeIfPresent(distanceM, forKey: .distanceM)
            try container.encode(hazardClass, forKey: .hazardClass)
            try container.encode(scope, forKey: .scope)
            try container.encode(region, forKey: .region)
            try container.encode(regionName, forKey: .regionName)
            try container.encode(regionLabel, forKey: .regionLabel)
            try container.encode(people, forKey: .people)
            try container.encode(areaKm2, forKey: .areaKm2)
            try container.encode(nodataShare, forKey: .nodataShare)
            try container.encode(extendsBeyondRaster, forKey: .extendsBeyondRaster)
        }
    }

    public struct HazardRow: Encodable {
        var id: String
        var hazardClass: String?
        var distanceM: Double?
        var people: Double
        var nodataShare: Double

        enum CodingKeys: String, CodingKey {
            case id, hazardClass = "class", distanceM = "distance_m", people, nodataShare = "nodata_share"
        }
    }

    public var population: String
    public var values: String
    public var inputs: [LoadSummary]
    public var notes: [String]
    public var rows: [Row]
    public var perHazard: [HazardRow]?
    public var hazardsOutsideRaster: [String]
    /// Findings about the raster's cells, such as invalid cells left out (`Exposure.rasterWarnings`).
    public var warnings: [String]

    public init(exposure: Exposure, inputs: Inputs, raster: PopulationRaster, perHazard: Bool, regionNames: RegionNames) {
        population = raster.path
        values = raster.isDensity ? "people per km² × geodesic cell area" : "people per cell"
        self.inputs = inputs.summaries
        var notes = [
            "people = Σ cell value × exact fraction of the cell covered; each area counts every person once",
            "class CHA and SHA rows within a distance overlap each other; the 'all' row is their union",
            "nodata_share is the nodata share of the covered geodesic area (Σ coverage × geodesic cell area); "
                + "those cells add no people",
        ]
        if perHazard {
            notes.append("per-hazard figures overlap between hazards: do not add them up")
        }
        self.notes = notes
        rows = exposure.rows.map { row in
            Row(asOf: row.key.asOf?.description, distanceM: row.key.distance?.value,
                hazardClass: row.key.hazardClass?.rawValue ?? "all", scope: Self.scope(row.key.region),
                region: row.key.region.code, regionName: regionNames.name(row.key.region.code),
                regionLabel: Self.label(row.key.region, regionNames), people: row.totals.people,
                areaKm2: row.area.squareKilometers, nodataShare: row.totals.nodataShare,
                extendsBeyondRaster: row.totals.extendsBeyondRaster)
        }
        self.perHazard = perHazard ? exposure.hazards.map {
            HazardRow(id: $0.hazardID, hazardClass: $0.hazardClass?.rawValue, distanceM: $0.distance?.value,
                      people: $0.totals.people, nodataShare: $0.totals.nodataShare)
        } : nil
        hazardsOutsideRaster = exposure.hazardsOutsideRaster
        warnings = exposure.rasterWarnings
    }

    /// A row's scope in JSON: `total`, `region` or `outside`.
    private static func scope(_ scope: RegionScope) -> String {
        switch scope {
        case .total: "total"
        case .region: "region"
        case .outsideRegions: "outside"
        }
    }

    /// A region row's label: the name with the code for a region, "outside every region", or "total".
    private static func label(_ scope: RegionScope, _ names: RegionNames) -> String {
        switch scope {
        case .total: "total"
        case .region(let code): names.label(code)
        case .outsideRegions: RegionNames.outside
        }
    }

    public var text: String {
        var table = TextTable(["as_of", "within", "class", "region", "people", "area_km2", "nodata"])
        for row in rows {
            table.add([row.asOf ?? "", row.distanceM.map { "\(fixed($0, 0)) m" } ?? "inside", row.hazardClass,
                       row.regionLabel, Figures.people(row.people), Figures.km2(row.areaKm2), percent(row.nodataShare)])
        }
        var lines = ["population: \(population) (\(values))", table.render()]
        if let perHazard {
            var hazards = TextTable(["hazard", "class", "within", "people", "nodata"])
            for row in perHazard {
                hazards.add([row.id, row.hazardClass ?? "", row.distanceM.map { "\(fixed($0, 0)) m" } ?? "inside",
                             Figures.people(row.people), percent(row.nodataShare)])
            }
            lines += ["per hazard (overlapping between hazards: do not add up)", hazards.render()]
        }
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// The rows as CSV, one line per exposure area (and per hazard with --per-hazard, scope "hazard").
    public var csv: String {
        var lines = ["scope,as_of,distance_m,class,region,region_name,hazard_id,people,area_km2,nodata_share"]
        for row in rows {
            lines.append(["area", row.asOf ?? "", row.distanceM.map { fixed($0, 3) } ?? "", row.hazardClass,
                          SpreadsheetCell.csvField(row.regionLabel), SpreadsheetCell.csvField(row.regionName ?? ""), "", "\(row.people)", "\(row.areaKm2)",
                          "\(row.nodataShare)"].joined(separator: ","))
        }
        for row in perHazard ?? [] {
            lines.append(["hazard", "", row.distanceM.map { fixed($0, 3) } ?? "", row.hazardClass ?? "", "", "",
                          SpreadsheetCell.csvField(row.id), "\(row.people)", "", "\(row.nodataShare)"].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func percent(_ share: Double) -> String { fixed(share * 100, 2) + "%" }
}

/// Writes the exposure areas as features (GeoJSON, GeoPackage, …) with their figures.
public enum ExposureOutput {
    public static let fields = [
        FieldDefinition("as_of", .string), FieldDefinition("distance_m", .real), FieldDefinition("class", .string),
        FieldDefinition("region", .string), FieldDefinition("people", .real), FieldDefinition("area_km2", .real),
        FieldDefinition("nodata_share", .real),
    ]

    public static func write(_ exposure: Exposure, report: ExposureReport, to path: String) throws {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") {
            try AtomicFile.write(text: report.csv, to: path)
            return
        }
        if lowered.hasSuffix(".json") {
            try AtomicFile.write(text: try JSONText.encode(report) + "\n", to: path)
            return
        }
        let writer = try FeatureWriter(path: path, layer: "exposure", fields: fields, geometryKind: .multiPolygon)
        for row in exposure.rows {
            try writer.write(geometry: try row.geometry ?? Geometry.emptyPolygon(), properties: [
                "as_of": row.key.asOf.map { .string($0.description) } ?? .null,
                "distance_m": row.key.distance.map { .real($0.value) } ?? .null,
                "class": .string(row.key.hazardClass?.rawValue ?? "all"),
                "region": .string(row.key.region.description),
                "people": .real(row.totals.people),
                "area_km2": .real(row.area.squareKilometers),
                "nodata_share": .real(row.totals.nodataShare),
            ])
        }
        try writer.commit()
    }
}
