import ArgumentParser
import GeoIO

/// The field names and values the hazards and releases are written with: hazmap's canonical
/// schema, or an IMSMA-like export that needs `mapping.toml` to be read.
enum OutputStyle: String, CaseIterable, ExpressibleByArgument {
    case canonical, imsma

    /// One field's canonical name, its name in this style and its type; values are translated
    /// through `values` when the style renames them.
    private struct Field {
        var canonical: String
        var imsma: String
        var type: FieldType
        var values: [(canonical: String, imsma: String)] = []
    }

    private static let hazardFields: [Field] = [
        Field(canonical: "id", imsma: "hazard_ref", type: .string),
        Field(canonical: "class", imsma: "typeArea", type: .string,
              values: [("SHA", "Suspected Minefield"), ("CHA", "Confirmed Minefield")]),
        Field(canonical: "hazard_type", imsma: "contamination", type: .string,
              values: [("AP", "Anti-personnel"), ("AT", "Anti-tank"), ("ERW", "Explosive Remnants of War"),
                       ("CM", "Cluster Munition Remnants"), ("IED", "Improvised Explosive Device"), ("mixed", "Mixed")]),
        Field(canonical: "status", imsma: "statusArea", type: .string,
              values: [("open", "Active"), ("worked_on", "Worked On"), ("closed", "Closed")]),
        Field(canonical: "recorded", imsma: "dateRecorded", type: .date),
        Field(canonical: "region", imsma: "district", type: .string),
        Field(canonical: "organisation", imsma: "org_name", type: .string),
        Field(canonical: "evidence", imsma: "evidenceType", type: .string),
        Field(canonical: "priority", imsma: "priorityLevel", type: .integer),
    ]

    private static let releaseFields: [Field] = [
        Field(canonical: "id", imsma: "activity_ref", type: .string),
        Field(canonical: "method", imsma: "activityType", type: .string,
              values: [("cancelled", "Non-Technical Survey"), ("reduced", "Technical Survey"), ("cleared", "Clearance")]),
        Field(canonical: "date", imsma: "completionDate", type: .date),
        Field(canonical: "hazard_id", imsma: "hazard_ref", type: .string),
        Field(canonical: "organisation", imsma: "org_name", type: .string),
        Field(canonical: "devices_found", imsma: "devicesFound", type: .integer),
    ]

    /// The hazards layer's schema in this style.
    var hazardSchema: [FieldDefinition] { schema(OutputStyle.hazardFields) }

    /// The releases layer's schema in this style.
    var releaseSchema: [FieldDefinition] { schema(OutputStyle.releaseFields) }

    /// A hazard's attributes in this style.
    func properties(of hazard: HazardRecord) -> [String: FieldValue] {
        styled([
            "id": .string(hazard.id), "class": .string(hazard.hazardClass), "hazard_type": .string(hazard.hazardType),
            "status": .string(hazard.status), "recorded": .date(hazard.recorded),
            "region": hazard.region.map(FieldValue.string) ?? .null, "organisation": .string(hazard.organisation),
            "evidence": .string(hazard.evidence), "priority": .integer(Int64(hazard.priority)),
        ], fields: OutputStyle.hazardFields)
    }

    /// A release's attributes in this style.
    func properties(of release: ReleaseRecord) -> [String: FieldValue] {
        styled([
            "id": .string(release.id), "method": .string(release.method), "date": .date(release.date),
            "hazard_id": release.hazardID.map(FieldValue.string) ?? .null,
            "organisation": .string(release.organisation), "devices_found": .integer(Int64(release.devicesFound)),
        ], fields: OutputStyle.releaseFields)
    }

    /// The schema-mapping TOML (format in the shared conventions) that reads this style back into
    /// canonical names and values; `nil` for the canonical style, which needs none.
    var mappingTOML: String? {
        guard self == .imsma else { return nil }
        var lines = ["# Schema mapping for the IMSMA-style sample written by hazmap-generate --style imsma.",
                     "# [layer.fields]: canonical name = \"source field\"; [layer.values.field]: \"source value\" = \"canonical\"."]
        for (layer, fields) in [("hazards", OutputStyle.hazardFields), ("releases", OutputStyle.releaseFields)] {
            lines.append("")
            lines.append("[\(layer).fields]")
            for field in fields { lines.append("\(field.canonical) = \"\(field.imsma)\"") }
            for field in fields where !field.values.isEmpty {
                lines.append("")
                lines.append("[\(layer).values.\(field.canonical)]")
                for value in field.values { lines.append("\"\(value.imsma)\" = \"\(value.canonical)\"") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func schema(_ fields: [Field]) -> [FieldDefinition] {
        fields.map { FieldDefinition(self == .imsma ? $0.imsma : $0.canonical, $0.type) }
    }

    private func styled(_ canonical: [String: FieldValue], fields: [Field]) -> [String: FieldValue] {
        guard self == .imsma else { return canonical }
        var result: [String: FieldValue] = [:]
        for field in fields {
            var value = canonical[field.canonical] ?? .null
            if case .string(let text) = value, let renamed = field.values.first(where: { $0.canonical == text }) {
                value = .string(renamed.imsma)
            }
            result[field.imsma] = value
        }
        return result
    }
}
