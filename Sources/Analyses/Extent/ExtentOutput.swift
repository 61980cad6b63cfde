import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// Writes extent pieces as features: group keys and geodesic areas in m², ha and km².
public enum ExtentOutput {
    public static let fields = [
        FieldDefinition("class", .string), FieldDefinition("hazard_type", .string),
        FieldDefinition("region", .string), FieldDefinition("region_name", .string),
        FieldDefinition("area_m2", .real), FieldDefinition("area_ha", .real), FieldDefinition("area_km2", .real),
    ]

    /// Writes the extent's pieces; the extent must have been computed with its geometry
    /// (`ExtentRequest.geometry`).
    public static func write(_ extent: Extent, to path: String, regionNames: RegionNames) throws {
        precondition(extent.pieces.count == extent.groups.count,
                     "an extent computed without geometry (ExtentRequest.geometry) has no pieces to write")
        let writer = try FeatureWriter(path: path, layer: "extent", fields: fields, geometryKind: .multiPolygon)
        for piece in extent.pieces {
            try writer.write(geometry: piece.geometry, properties: properties(piece, regionNames: regionNames))
        }
        try writer.commit()
    }

    public static func properties(_ piece: ExtentPiece, regionNames: RegionNames) -> [String: FieldValue] {
        [
            "class": .string(piece.key.hazardClass.rawValue),
            "hazard_type": piece.key.hazardType.map { .string($0.rawValue) } ?? .null,
            "region": piece.key.region.map { .string($0) } ?? .null,
            "region_name": regionNames.name(piece.key.region).map { .string($0) } ?? .null,
            "area_m2": .real(piece.area.value),
            "area_ha": .real(piece.area.hectares),
            "area_km2": .real(piece.area.squareKilometers),
        ]
    }
}

/// The extent figures for the terminal and for `--json`.
public struct ExtentReport: Encodable {
    public typealias Area = AreaFigures

    public struct Group: Encodable {
        var hazardClass: String
        var hazardType: String?
        /// With `--by region`: the code (null outside every region), the name and the label shown.
        var byRegion: Bool
        var region: String?
        var regionName: String?
        var regionLabel: String
        var area: Area

        enum CodingKeys: String, CodingKey {
            case hazardClass = "class", hazardType = "hazard_type", region, area
            case regionName = "region_name", regionLabel = "region_label"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(hazardClass, forKey: .hazardClass)
            try container.encodeIfPresent(hazardType, forKey: .hazardType)
            if byRegion {
                try container.encode(region, forKey: .region)
                try container.encode(regionName, forKey: .regionName)
                try container.encode(regionLabel, forKey: .regionLabel)
            }
            try container.encode(area, forKey: .area)
        }
    }

    public var asOf: String?
    public var dimensions: [String]
    public var inputs: [LoadSummary]
    /// The one validation pass's findings, counted by code (`Validation`).
    public var findings: FindingsSummary
    public var groups: [Group]
    public var byClass: [String: Area]
    public var total: Area

    public init(extent: Extent, inputs: Inputs, findings: FindingsSummary, asOf: CalendarDate?,
         dimensions: Set<ExtentDimension>) {
        self.asOf = asOf?.description
        self.dimensions = ExtentDimension.allCases.filter(dimensions.contains).map(\.rawValue)
        self.inputs = inputs.summaries
        self.findings = findings
        let names = RegionNames(inputs.regions?.records ?? [])
        let byRegion = dimensions.contains(.region)
        groups = extent.groups.map {
            Group(hazardClass: $0.key.hazardClass.rawValue, hazardType: $0.key.hazardType?.rawValue,
                  byRegion: byRegion, region: $0.key.region, regionName: names.name($0.key.region),
                  regionLabel: byRegion ? names.label($0.key.region) : "", area: Area($0.area))
        }
        byClass = Dictionary(uniqueKeysWithValues: HazardClass.allCases.map { ($0.rawValue, Area(extent.area(of: $0))) })
        total = Area(extent.total)
    }

    /// The table: a column per dimension grouped by (class, then hazard type and region when split by them),
    /// then the areas; class totals when split further than by class, then the total.
    public var text: String {
        let byType = dimensions.contains(ExtentDimension.hazardType.rawValue)
        let byRegion = dimensions.contains(ExtentDimension.region.rawValue)
        func keys(_ first: String, _ type: String, _ region: String) -> [String] {
            [first] + (byType ? [type] : []) + (byRegion ? [region] : [])
        }
        func areas(_ area: Area) -> [String] { [Figures.m2(area.m2), Figures.ha(area.ha), Figures.km2(area.km2)] }
        var table = TextTable(keys("class", "hazard_type", "region") + ["area_m2", "area_ha", "area_km2"])
        for group in groups {
            table.add(keys(group.hazardClass, group.hazardType ?? "(unspecified)", group.regionLabel)
                + areas(group.area))
        }
        if byType || byRegion {
            for name in ["CHA", "SHA"] {
                guard let area = byClass[name] else { continue }
                table.add(keys("\(name) total", "", "") + areas(area))
            }
        }
        table.add(keys("total", "", "") + areas(total))
        var lines = [table.render()]
        if let asOf { lines.insert("remaining contamination as of \(asOf)", at: 0) }
        if findings.hasContent { lines.append(findings.lineForOtherCommands) }
        return lines.joined(separator: "\n")
    }
}
