import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// Writes findings as point features at their locations (no geometry where a finding has none).
public enum FindingsOutput {
    public static let fields = [
        FieldDefinition("severity", .string), FieldDefinition("code", .string), FieldDefinition("file", .string),
        FieldDefinition("feature_index", .integer), FieldDefinition("id", .string),
        FieldDefinition("message", .string), FieldDefinition("fix", .string), FieldDefinition("area_m2", .real),
    ]

    public static func write(_ findings: [Finding], to path: String) throws {
        let writer = try FeatureWriter(path: path, layer: "findings", fields: fields, geometryKind: .point)
        for finding in findings {
            let point = try finding.location.map { try Geometry.point(x: $0.longitude, y: $0.latitude) }
            try writer.write(geometry: point, properties: [
                "severity": .string(finding.severity.rawValue),
                "code": .string(finding.code.rawValue),
                "file": .string(finding.file),
                "feature_index": finding.featureIndex.map { .integer(Int64($0)) } ?? .null,
                "id": finding.id.map { .string($0) } ?? .null,
                "message": .string(finding.message),
                "fix": finding.fix.map { .string($0) } ?? .null,
                "area_m2": finding.area.map { .real($0.value) } ?? .null,
            ])
        }
        try writer.commit()
    }
}
