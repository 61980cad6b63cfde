import Contamination
import GeoIO
import GeometryCore

/// One vector layer of a report's outputs: its schema and features (WGS84 lon/lat).
public struct ReportLayer: Sendable {
    public var name: String
    public var fields: [FieldDefinition]
    public var geometryKind: GeometryKind
    public var features: [(geometry: Geometry?, properties: [String: FieldValue])]
}

extension ReportData {
    /// The report's vector layers: `remaining` (dissolved extent by class and region), `released`
    /// (each release's counted land), `snapshots` (remaining CHA and SHA at each year end), `priorities`
    /// (ranked hazards with score, rank and each criterion's raw and normalised value), `regions` and
    /// `findings` (points where they have a location). Layers whose section is missing are left out.
    /// Polygonal geometries are written as MultiPolygons.
    public func layers() throws -> [ReportLayer] {
        var layers: [ReportLayer] = []
        let area = [FieldDefinition("area_m2", .real), FieldDefinition("area_km2", .real)]
        func areaValues(_ value: SquareMeters) -> [String: FieldValue] {
            ["area_m2": .real(value.value), "area_km2": .real(value.squareKilometers)]
        }
        if let remaining {
            var layer = ReportLayer(name: "remaining", fields: [FieldDefinition("class", .string),
                                    FieldDefinition("region", .string), FieldDefinition("region_name", .string)] + area,
                                    geometryKind: .multiPolygon, features: [])
            for piece in remaining.extent.pieces {
                var properties = areaValues(piece.area)
                properties["class"] = .string(piece.key.hazardClass.rawValue)
                properties["region"] = piece.key.region.map { .string($0) } ?? .null
                properties["region_name"] = regionName(piece.key.region).map { .string($0) } ?? .null
                layer.features.append((try Self.multiPolygon(piece.geometry), properties))
            }
            layers.append(layer)
        }
        if let releases {
            var layer = ReportLayer(name: "released", fields: [
                FieldDefinition("release_id", .string), FieldDefinition("method", .string), FieldDefinition("date", .date),
                FieldDefinition("hazard_ids", .string), FieldDefinition("cha_m2", .real), FieldDefinition("sha_m2", .real),
            ] + area, geometryKind: .multiPolygon, features: [])
            for land in releases.land {
                var properties = areaValues(land.area.total)
                properties["release_id"] = .string(land.releaseId)
                properties["method"] = .string(land.method.rawValue)
                properties["date"] = .date(land.date)
                properties["hazard_ids"] = .string(land.hazardIds.joined(separator: ";"))
                properties["cha_m2"] = .real(land.area.cha.value)
                properties["sha_m2"] = .real(land.area.sha.value)
                layer.features.append((try Self.multiPolygon(land.geometry), properties))
            }
            layers.append(layer)
        }
        if !snapshots.isEmpty {
            var layer = ReportLayer(name: "snapshots", fields: [FieldDefinition("date", .date),
                                    FieldDefinition("class", .string)] + area, geometryKind: .multiPolygon, features: [])
            for snapshot in snapshots {
                for (hazardClass, geometry) in [(HazardClass.cha, snapshot.cha), (.sha, snapshot.sha)] {
                    var properties = areaValues(snapshot.remaining[hazardClass])
                    properties["date"] = .date(snapshot.date)
                    properties["class"] = .string(hazardClass.rawValue)
                    layer.features.append((try Self.multiPolygon(geometry), properties))
                }
            }
            layers.append(layer)
        }
        if let priorities {
            let ranking = priorities.priorities.ranking
            var layer = ReportLayer(name: "priorities", fields: PriorityFeatures.fields(ranking.criteria),
                                    geometryKind: .multiPolygon, features: [])
            for entry in ranking.entries {
                let hazard = priorities.priorities.hazards[entry.index]
                let properties = PriorityFeatures.properties(entry, hazard: hazard, criteria: ranking.criteria,
                                                             regionName: regionName(hazard.region))
                layer.features.append((try hazard.geometry.map { try Self.multiPolygon($0) }, properties))
            }
            layers.append(layer)
        }
        if !regions.isEmpty {
            var layer = ReportLayer(name: "regions", fields: [FieldDefinition("code", .string),
                                    FieldDefinition("name", .string)], geometryKind: .multiPolygon, features: [])
            for region in regions {
                layer.features.append((try Self.multiPolygon(region.geometry),
                                       ["code": .string(region.code), "name": .string(region.name)]))
            }
            layers.append(layer)
        }
        if let findings {
            var layer = ReportLayer(name: "findings", fields: [
                FieldDefinition("severity", .string), FieldDefinition("code", .string), FieldDefinition("file", .string),
                FieldDefinition("feature_index", .integer), FieldDefinition("id", .string),
                FieldDefinition("message", .string), FieldDefinition("fix", .string), FieldDefinition("area_m2", .real),
            ], geometryKind: .point, features: [])
            for finding in findings.findings {
                let point = try finding.location.map { try Geometry.point(x: $0.longitude, y: $0.latitude) }
                layer.features.append((point, [
                    "severity": .string(finding.severity.rawValue), "code": .string(finding.code.rawValue),
                    "file": .string(finding.file),
                    "feature_index": finding.featureIndex.map { .integer(Int64($0)) } ?? .null,
                    "id": finding.id.map { .string($0) } ?? .null, "message": .string(finding.message),
                    "fix": finding.fix.map { .string($0) } ?? .null,
                    "area_m2": finding.area.map { .real($0.value) } ?? .null,
                ]))
            }
            layers.append(layer)
        }
        return layers
    }

    /// The polygonal parts of a geometry as one MultiPolygon (empty when it has none).
    static func multiPolygon(_ geometry: Geometry) throws -> Geometry {
        try Geometry.multiPolygon(geometry.polygonRings())
    }
}
