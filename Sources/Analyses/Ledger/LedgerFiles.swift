import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// The files `hazmap release` writes: the ledger table, snapshots, released land and per-hazard balances.
public enum LedgerFiles {
    /// `-o`: the rows as CSV (one per period × region × measure, class split and m², ha, km²; the
    /// `released_nothing` rows have no class split and give the number of releases), or the
    /// whole report as JSON. Written atomically.
    public static func writeTable(_ report: LedgerReport, to path: String) throws {
        if path.lowercased().hasSuffix(".json") {
            try AtomicFile.write(text: try JSONText.encode(report) + "\n", to: path)
            return
        }
        var lines = ["period,start,end,region,measure,cha_m2,sha_m2,total_m2,total_ha,total_km2,releases"]
        for row in report.rows {
            let cells = [row.period, row.start, row.end, SpreadsheetCell.csvField(row.region ?? row.regionLabel ?? ""),
                         row.measure,
                         row.area.cha.map { String($0.m2) } ?? "", row.area.sha.map { String($0.m2) } ?? "",
                         String(row.area.total.m2), String(row.area.total.ha), String(row.area.total.km2),
                         row.releases.map(String.init) ?? ""]
            lines.append(cells.joined(separator: ","))
        }
        try AtomicFile.write(text: lines.joined(separator: "\n") + "\n", to: path)
    }

    /// `--snapshots DIR`: one GeoJSON per date, `remaining_YYYY-MM-DD.geojson`, one feature per class, in a
    /// new folder of this run only (`FolderOutput`: built beside DIR, replacing it only when DIR is absent,
    /// empty or written by hazmap, or with `overwrite`). Returns the paths as they are after the move.
    public static func writeSnapshots(_ snapshots: [LedgerSnapshot], to directory: String, overwrite: Bool) throws -> [String] {
        let folder = try FolderOutput(destination: directory, overwrite: overwrite)
        let fields = [FieldDefinition("class", .string), FieldDefinition("date", .date),
                      FieldDefinition("area_m2", .real), FieldDefinition("area_ha", .real),
                      FieldDefinition("area_km2", .real)]
        var paths: [String] = []
        for snapshot in snapshots {
            let name = "remaining_\(snapshot.date).geojson"
            let path = (folder.temporaryPath as NSString).appendingPathComponent(name)
            let writer = try FeatureWriter(path: path, layer: "remaining", fields: fields, geometryKind: .multiPolygon)
            for (name, geometry, area) in [("CHA", snapshot.cha, snapshot.remaining.cha),
                                           ("SHA", snapshot.sha, snapshot.remaining.sha)] {
                try writer.write(geometry: geometry, properties: [
                    "class": .string(name), "date": .date(snapshot.date), "area_m2": .real(area.value),
                    "area_ha": .real(area.hectares), "area_km2": .real(area.squareKilometers),
                ])
            }
            try writer.commit()
            paths.append((directory as NSString).appendingPathComponent(name))
        }
        try folder.commit()
        return paths
    }

    /// `--released-features FILE`: the counted part of each release (any vector format by extension).
    public static func writeReleasedLand(_ lands: [ReleasedLand], to path: String) throws {
        let fields = [FieldDefinition("release_id", .string), FieldDefinition("method", .string),
                      FieldDefinition("date", .date), FieldDefinition("hazard_ids", .string),
                      FieldDefinition("cha_m2", .real), FieldDefinition("sha_m2", .real),
                      FieldDefinition("area_m2", .real), FieldDefinition("area_ha", .real),
                      FieldDefinition("area_km2", .real)]
        let writer = try FeatureWriter(path: path, layer: "released", fields: fields, geometryKind: .multiPolygon)
        for land in lands {
            try writer.write(geometry: land.geometry, properties: [
                "release_id": .string(land.releaseId), "method": .string(land.method.rawValue),
                "date": .date(land.date), "hazard_ids": .string(land.hazardIds.joined(separator: ",")),
                "cha_m2": .real(land.area.cha.value), "sha_m2": .real(land.area.sha.value),
                "area_m2": .real(land.area.total.value), "area_ha": .real(land.area.total.hectares),
                "area_km2": .real(land.area.total.squareKilometers),
            ])
        }
        try writer.commit()
    }

    /// `--per-hazard FILE`: each hazard's original, released-by-method and remaining area (no geometry).
    public static func writePerHazard(_ hazards: [HazardBalance], to path: String) throws {
        var fields = [FieldDefinition("hazard_id", .string), FieldDefinition("class", .string),
                      FieldDefinition("region", .string), FieldDefinition("original_m2", .real)]
        fields += ReleaseMethod.allCases.map { FieldDefinition("\($0.rawValue)_m2", .real) }
        fields += [FieldDefinition("remaining_m2", .real), FieldDefinition("remaining_ha", .real),
                   FieldDefinition("remaining_km2", .real)]
        let writer = try FeatureWriter(path: path, layer: "hazards", fields: fields, geometryKind: nil, hasGeometry: false)
        for hazard in hazards {
            var properties: [String: FieldValue] = [
                "hazard_id": .string(hazard.hazardId), "class": .string(hazard.hazardClass.rawValue),
                "region": hazard.region.map { .string($0) } ?? .null, "original_m2": .real(hazard.original.value),
                "remaining_m2": .real(hazard.remaining.value), "remaining_ha": .real(hazard.remaining.hectares),
                "remaining_km2": .real(hazard.remaining.squareKilometers),
            ]
            for method in ReleaseMethod.allCases {
                properties["\(method.rawValue)_m2"] = .real(hazard.released[method]?.value ?? 0)
            }
            try writer.write(geometry: nil, properties: properties)
        }
        try writer.commit()
    }
}
