import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// Writes route figures: per-route rows as CSV, or the segments near contamination as features.
public enum RoutesOutput {
    public static func label(_ distance: Meters) -> String {
        let value = distance.value
        return value == value.rounded() ? "\(Int(value))m" : "\(value)m"
    }

    /// The stem of a distance's columns: `inside` for 0 m (the route inside the contamination), else
    /// `within_100m`.
    public static func column(_ distance: Meters) -> String {
        distance.value == 0 ? "inside" : "within_\(label(distance))"
    }

    public static func rowFields(_ distances: [Meters]) -> [FieldDefinition] {
        var fields = [FieldDefinition("route_id", .string), FieldDefinition("period_end", .date)]
        for status in RouteStatus.allCases { fields.append(FieldDefinition("\(status.rawValue)_km", .real)) }
        for distance in distances {
            fields.append(FieldDefinition("\(column(distance))_km", .real))
            fields.append(FieldDefinition("\(column(distance))_unverified_km", .real))
        }
        return fields
    }

    public static func rowProperties(_ row: RoutePeriodRow, distances: [Meters]) -> [String: FieldValue] {
        var properties: [String: FieldValue] = ["route_id": .string(row.routeId), "period_end": .date(row.periodEnd)]
        for status in RouteStatus.allCases {
            properties["\(status.rawValue)_km"] = .real((row.lengths[status] ?? .zero).kilometers)
        }
        for distance in distances {
            properties["\(column(distance))_km"] = .real((row.within[distance] ?? .zero).kilometers)
            properties["\(column(distance))_unverified_km"] =
                .real((row.unverifiedWithin[distance] ?? .zero).kilometers)
        }
        return properties
    }

    public static func write(_ analysis: RouteAnalysis, to path: String) throws {
        if try VectorFormat(path: path) == .csv {
            let writer = try FeatureWriter(path: path, layer: "routes", fields: rowFields(analysis.distances),
                                           geometryKind: nil, hasGeometry: false)
            for row in analysis.rows + analysis.totals {
                try writer.write(geometry: nil, properties: rowProperties(row, distances: analysis.distances))
            }
            try writer.commit()
            return
        }
        let fields = [FieldDefinition("route_id", .string), FieldDefinition("distance_m", .real),
                      FieldDefinition("status", .string), FieldDefinition("length_km", .real)]
        let writer = try FeatureWriter(path: path, layer: "route_segments", fields: fields,
                                       geometryKind: .multiLineString)
        for segment in analysis.segments {
            try writer.write(geometry: segment.geometry, properties: [
                "route_id": .string(segment.routeId), "distance_m": .real(segment.distance.value),
                "status": .string(segment.status.rawValue), "length_km": .real(segment.length.kilometers),
            ])
        }
        try writer.commit()
    }
}

/// Route figures for the terminal and for `--json`.
public struct RoutesReport: Encodable {
    public struct Row: Encodable {
        var routeId: String
        var periodEnd: String
        var km: [String: Double]
        var withinKm: [String: Double]
        var unverifiedWithinKm: [String: Double]
        enum CodingKeys: String, CodingKey {
            case routeId = "route_id", periodEnd = "period_end", km, withinKm = "within_km"
            case unverifiedWithinKm = "unverified_within_km"
        }
    }

    public var distances: [String]
    public var routes: [Row]
    /// The column stems of the distances, for the text table (`inside`, `within_100m`).
    private var columns: [String]
    public var totals: [Row]

    enum CodingKeys: String, CodingKey { case distances, routes, totals }

    public init(_ analysis: RouteAnalysis) {
        distances = analysis.distances.map(RoutesOutput.label)
        columns = analysis.distances.map(RoutesOutput.column)
        func convert(_ row: RoutePeriodRow) -> Row {
            Row(routeId: row.routeId, periodEnd: row.periodEnd.description,
                km: Dictionary(uniqueKeysWithValues: RouteStatus.allCases.map {
                    ($0.rawValue, (row.lengths[$0] ?? .zero).kilometers)
                }),
                withinKm: Dictionary(uniqueKeysWithValues: analysis.distances.map {
                    (RoutesOutput.label($0), (row.within[$0] ?? .zero).kilometers)
                }),
                unverifiedWithinKm: Dictionary(uniqueKeysWithValues: analysis.distances.map {
                    (RoutesOutput.label($0), (row.unverifiedWithin[$0] ?? .zero).kilometers)
                }))
        }
        routes = analysis.rows.map(convert)
        totals = analysis.totals.map(convert)
    }

    public var text: String {
        var table = TextTable(["route", "period_end", "unverified_km", "verified_km", "cleared_km"]
            + columns.flatMap { ["\($0)_km", "\($0)_unverified_km"] })
        for row in routes + totals {
            table.add([row.routeId, row.periodEnd] + RouteStatus.allCases.map { Figures.km(row.km[$0.rawValue] ?? 0) }
                + distances.flatMap { [Figures.km(row.withinKm[$0] ?? 0), Figures.km(row.unverifiedWithinKm[$0] ?? 0)] })
        }
        return table.render()
    }
}
