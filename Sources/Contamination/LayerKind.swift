/// The kinds of input layer hazmap reads, with their canonical field names (DESIGN.md "Data model").
///
/// The raw value is the layer's name in a schema mapping (`[hazards.fields]`) and in `--field` options.
public enum LayerKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case hazards, releases, regions, accidents, facilities, roads, routes
    case routeEvents = "route_events"

    /// The layer's name, e.g. `route_events`.
    public var description: String { rawValue }

    /// Every canonical field of the layer, in documentation order.
    public var fields: [String] {
        switch self {
        case .hazards:
            ["id", "class", "hazard_type", "status", "recorded", "region", "organisation", "evidence", "priority",
             "terrain"]
        case .releases: ["id", "method", "date", "hazard_id", "organisation", "devices_found"]
        case .regions: ["code", "name"]
        case .accidents: ["id", "date", "casualties"]
        case .facilities: ["id", "kind", "name"]
        case .roads: ["id", "kind"]
        case .routes: ["id", "name"]
        case .routeEvents: ["id", "route_id", "status", "date"]
        }
    }

    /// The canonical fields a source must have (after mapping) for the layer to be read.
    public var requiredFields: [String] {
        switch self {
        case .hazards: ["id", "class", "recorded"]
        case .releases: ["id", "method", "date"]
        case .regions: ["code", "name"]
        case .accidents: ["id", "date"]
        case .facilities: ["id", "kind"]
        case .roads, .routes: ["id"]
        case .routeEvents: ["id", "status", "date"]
        }
    }

    /// The canonical values of each field that takes one of a fixed set (e.g. `class`: SHA, CHA).
    /// Only these fields can have a `[layer.values.field]` table.
    public var valueDomains: [String: [String]] {
        switch self {
        case .hazards:
            ["class": Self.names(HazardClass.self), "hazard_type": Self.names(HazardType.self),
             "status": Self.names(HazardStatus.self)]
        case .releases: ["method": Self.names(ReleaseMethod.self)]
        case .facilities: ["kind": Self.names(FacilityKind.self)]
        case .roads: ["kind": Self.names(RoadKind.self)]
        case .routeEvents: ["status": Self.names(RouteEventStatus.self)]
        case .regions, .accidents, .routes: [:]
        }
    }

    private static func names<Value: CanonicalValue>(_ type: Value.Type) -> [String] {
        Value.allCases.map(\.rawValue)
    }
}
