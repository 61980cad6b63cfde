import Contamination
import GeoIO
import GeometryCore

extension ReportData {
    /// The static map's layers, bottom to top: regions, released land by method, remaining SHA, remaining
    /// CHA, routes by status at the last period end.
    public func mapLayers() -> [MapLayer] {
        var layers: [MapLayer] = []
        if !regions.isEmpty {
            layers.append(MapLayer(label: "Region boundary", geometries: regions.map(\.geometry), style: .region))
        }
        if let releases {
            for method in [ReleaseMethod.cancelled, .reduced, .cleared] {
                layers.append(MapLayer(label: Self.releasedLabel(method),
                                       geometries: releases.land.filter { $0.method == method }.map(\.geometry),
                                       style: .released(method)))
            }
        }
        if let remaining {
            for hazardClass in [HazardClass.sha, .cha] {
                let geometries = remaining.extent.pieces.filter { $0.key.hazardClass == hazardClass }.map(\.geometry)
                layers.append(MapLayer(label: "Remaining \(hazardClass.rawValue)", geometries: geometries,
                                       style: .remaining(hazardClass)))
            }
        }
        if let routes {
            if routes.analysis.stretches.isEmpty {
                layers.append(MapLayer(label: "Route", geometries: routes.routes.map(\.geometry), style: .route(.unverified)))
            }
            for status in RouteStatus.allCases {
                let geometries = routes.analysis.stretches.filter { $0.status == status }.map(\.geometry)
                if !geometries.isEmpty {
                    layers.append(MapLayer(label: "Route: \(status.rawValue)", geometries: geometries, style: .route(status)))
                }
            }
        }
        return layers
    }

    /// The map section: the interactive map for the screen (Leaflet from `leaflet`, inlined) and the static
    /// SVG map for print; the static map alone, with a note, when `leaflet` is `nil`.
    func mapSection(leaflet: LeafletAssets?) throws -> HTMLSection {
        let title = "Map of remaining contamination and released land"
        let labels = try regions.map { region in
            let point = try Self.anchor(of: region.geometry)
            return MapLabel(longitude: point.longitude, latitude: point.latitude, text: Self.regionLabel(region))
        }.filter { !$0.text.isEmpty }
        let svg = try MapRenderer().render(mapLayers(), labels: labels + priorityLabels(), title: title)
        let map = InteractiveMap(layers: leaflet == nil ? [] : try interactiveLayers(), svg: svg, assets: leaflet)
        return HTMLSection(id: "map", heading: "Map", body: map.html())
    }

    /// `#1`, `#2`… inside the top priorities the page lists, for the static map.
    func priorityLabels() throws -> [MapLabel] {
        guard let priorities else { return [] }
        return try priorities.priorities.ranking.entries.prefix(priorities.shown).compactMap { entry in
            guard let geometry = priorities.priorities.hazards[entry.index].geometry else { return nil }
            let point = try Self.anchor(of: geometry)
            return MapLabel(longitude: point.longitude, latitude: point.latitude, text: "#\(entry.rank)")
        }
    }

    static func releasedLabel(_ method: ReleaseMethod) -> String {
        switch method {
        case .cancelled: "Released: cancelled (NTS)"
        case .reduced: "Released: reduced (TS)"
        case .cleared: "Released: cleared"
        }
    }

    /// `Name (CODE)`, or the code alone when the region has no name.
    static func regionLabel(_ region: Region) -> String {
        region.name.isEmpty || region.name == region.code ? region.code : "\(region.name) (\(region.code))"
    }

    /// A point inside a geometry for its marker or label (`pointOnSurface`; the bounds' centre when GEOS
    /// cannot give one, e.g. for an invalid polygon).
    static func anchor(of geometry: Geometry) throws -> (longitude: Double, latitude: Double) {
        if let point = try? geometry.pointOnSurface().coordinates(), point.count >= 2 { return (point[0], point[1]) }
        guard let box = geometry.bounds else { return (0, 0) }
        return ((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
    }
}
