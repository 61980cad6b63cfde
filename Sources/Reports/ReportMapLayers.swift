import Contamination
import GeoIO
import GeometryCore

extension ReportData {
    /// The interactive map's layers, bottom to top: region outlines, released land by method, remaining SHA
    /// and CHA (dissolved, by region), every hazard's own polygon (id, class, type, status, area, priority
    /// rank and region on click), routes by status at the last period end, findings with a location by
    /// severity (errors shown, warnings and notes switched off), region names and the top priorities as numbered
    /// markers. Layers with nothing to draw are left out, except the remaining contamination and the hazards.
    public func interactiveLayers(geoJSON: MapGeoJSON = MapGeoJSON()) throws -> [InteractiveLayer] {
        var layers: [InteractiveLayer] = []
        func add(_ layer: InteractiveLayer, always: Bool = false) {
            if always || !layer.features.isEmpty { layers.append(layer) }
        }
        func shape(_ geometry: Geometry, title: String, rows: [(String, String)], extra: [(String, String)] = [])
            throws -> String? {
            guard let json = try geoJSON.geometry(geometry) else { return nil }
            return MapGeoJSON.feature(geometry: json, properties: Self.popup(title: title, rows: rows) + extra)
        }
        add(InteractiveLayer(id: "regions", label: "Region boundaries", style: .region, features: try regions.compactMap {
            try shape($0.geometry, title: Self.regionLabel($0), rows: [("Region", $0.code), ("Name", $0.name)])
        }))
        if let releases {
            for method in [ReleaseMethod.cancelled, .reduced, .cleared] {
                let features = try releases.land.filter { $0.method == method }.compactMap { land in
                    try shape(land.geometry, title: "Release \(land.releaseId)", rows: [
                        ("Release", land.releaseId), ("Method", method.rawValue), ("Date", land.date.description),
                        ("Area released", Self.areaText(land.area.total)), ("Of it CHA", Self.areaText(land.area.cha)),
                        ("Of it SHA", Self.areaText(land.area.sha)), ("Hazards", land.hazardIds.joined(separator: ", ")),
                    ])
                }
                add(InteractiveLayer(id: "released-\(method.rawValue)", label: Self.releasedLabel(method),
                                     style: .released(method), features: features))
            }
        }
        if let remaining {
            for hazardClass in [HazardClass.sha, .cha] {
                let features = try remaining.extent.pieces.filter { $0.key.hazardClass == hazardClass }.compactMap { piece in
                    try shape(piece.geometry, title: "Remaining \(hazardClass.rawValue), \(regionText(piece.key.region))",
                              rows: [("Class", hazardClass.rawValue), ("Region", regionText(piece.key.region)),
                                     ("Area remaining", Self.areaText(piece.area))])
                }
                add(InteractiveLayer(id: "remaining-\(hazardClass.rawValue.lowercased())",
                                     label: "Remaining \(hazardClass.rawValue)", style: .remaining(hazardClass),
                                     features: features), always: true)
            }
        }
        add(try hazardLayer(geoJSON), always: true)
        if let routes {
            for status in RouteStatus.allCases {
                let features = try routes.analysis.stretches.filter { $0.status == status }.compactMap { stretch in
                    try shape(stretch.geometry, title: "Route \(stretch.routeId): \(status.rawValue)", rows: [
                        ("Route", stretch.routeId), ("Status", status.rawValue),
                        ("Length", Figures.km(stretch.length) + " km"),
                    ] + (routes.analysis.periodEnds.last.map { [("As of", $0.description)] } ?? []))
                }
                add(InteractiveLayer(id: "routes-\(status.rawValue)", label: "Routes: \(status.rawValue)",
                                     style: .route(status), features: features))
            }
        }
        if let findings {
            for severity in Severity.allCases {
                let features = findings.findings.filter { $0.severity == severity }.compactMap { finding -> String? in
                    guard let location = finding.location else { return nil }
                    var rows = [("Severity", severity.rawValue), ("Code", finding.code.rawValue)]
                    if let id = finding.id { rows.append(("Feature id", id)) }
                    rows.append(("File", finding.file + (finding.featureIndex.map { " #\($0)" } ?? "")))
                    rows.append(("Problem", finding.message))
                    if let fix = finding.fix { rows.append(("Fix", fix)) }
                    return MapGeoJSON.feature(geometry: geoJSON.point(longitude: location.longitude, latitude: location.latitude),
                                              properties: Self.popup(title: "\(finding.code.rawValue): \(finding.id ?? finding.file)",
                                                                     rows: rows))
                }
                // Errors are on when the page opens; warnings and notes (often many overlaps) on demand.
                add(InteractiveLayer(id: "findings-\(severity.rawValue)", label: "Findings: \(severity.rawValue)s",
                                     kind: .points, style: .finding(severity), visible: severity == .error,
                                     features: features))
            }
        }
        add(InteractiveLayer(id: "region-names", label: "Region names", kind: .labels, style: .region,
                             features: try regions.map { region in
            let point = try Self.anchor(of: region.geometry)
            return MapGeoJSON.feature(geometry: geoJSON.point(longitude: point.longitude, latitude: point.latitude),
                                      properties: [("title", MapGeoJSON.string(Self.regionLabel(region)))])
        }))
        if let priorities {
            add(try priorityLayer(priorities, geoJSON: geoJSON))
        }
        return layers
    }

    /// Every hazard with a polygon, outlined in its class's colour; its popup gives id, class, type, status,
    /// area as recorded, area remaining (when the ledger ran), priority rank and region.
    private func hazardLayer(_ geoJSON: MapGeoJSON) throws -> InteractiveLayer {
        var balances: [String: HazardBalance] = [:]
        for balance in hazardBalances where balances[balance.hazardId] == nil { balances[balance.hazardId] = balance }
        var ranks: [String: Int] = [:]
        let ranked = priorities?.priorities.ranking.entries ?? []
        for entry in ranked where ranks[entry.id] == nil { ranks[entry.id] = entry.rank }
        var features: [String] = []
        for hazard in hazards {
            guard let geometry = hazard.geometry, let json = try geoJSON.geometry(geometry) else { continue }
            let balance = balances[hazard.id]
            let area = try balance?.original ?? geometry.geodesicArea()
            var rows = [("Hazard", hazard.id), ("Class", hazard.hazardClass?.rawValue ?? "unknown"),
                        ("Type", hazard.hazardType?.rawValue ?? "not given"),
                        ("Status", hazard.status?.rawValue ?? "not given"), ("Area", Self.areaText(area))]
            if let balance { rows.append(("Area remaining", Self.areaText(balance.remaining))) }
            let rank: String
            if priorities == nil {
                rank = "not ranked (no --criteria)"
            } else {
                rank = ranks[hazard.id].map { "\($0) of \(ranked.count)" } ?? "not ranked (no class or no land left)"
            }
            rows += [("Priority rank", rank), ("Region", regionText(hazard.region))]
            if let recorded = hazard.recorded { rows.append(("Recorded", recorded.description)) }
            features.append(MapGeoJSON.feature(geometry: json, properties: Self.popup(
                title: "\(hazard.id) (\(hazard.hazardClass?.rawValue ?? "no class"))", rows: rows)
                + [("id", MapGeoJSON.string(hazard.id)), ("stroke", MapGeoJSON.string(MapStyle.hazard(hazard.hazardClass).stroke))]))
        }
        return InteractiveLayer(id: "hazards", label: "Hazards (click for details)", style: .hazard(.cha),
                                features: features)
    }

    /// The top priorities the page lists, as numbered markers inside each hazard.
    private func priorityLayer(_ section: PrioritiesSection, geoJSON: MapGeoJSON) throws -> InteractiveLayer {
        let ranking = section.priorities.ranking
        var features: [String] = []
        for entry in ranking.entries.prefix(section.shown) {
            let hazard = section.priorities.hazards[entry.index]
            guard let geometry = hazard.geometry else { continue }
            let point = try Self.anchor(of: geometry)
            features.append(MapGeoJSON.feature(
                geometry: geoJSON.point(longitude: point.longitude, latitude: point.latitude),
                properties: Self.popup(title: "Priority \(entry.rank): \(entry.id)", rows: [
                    ("Rank", "\(entry.rank) of \(ranking.entries.count)"), ("Hazard", entry.id),
                    ("Score", Figures.decimal(entry.score, 3)), ("Class", hazard.hazardClass?.rawValue ?? "unknown"),
                    ("Region", regionText(hazard.region)),
                ]) + [("rank", String(entry.rank))]))
        }
        return InteractiveLayer(id: "priorities", label: "Top \(features.count) priorities", kind: .ranks,
                                style: .priority, features: features)
    }

    /// `CODE Name`, `CODE`, or `outside every region` (regions given) / `none given`.
    func regionText(_ code: String?) -> String {
        guard let code else { return regions.isEmpty ? "none given" : "outside every region" }
        return regionName(code).map { "\(code) \($0)" } ?? code
    }

    /// `0.1234 km² (12.34 ha)`.
    static func areaText(_ area: SquareMeters) -> String {
        Figures.decimal(area.squareKilometers, 4) + " km² (" + Figures.decimal(area.hectares, 2) + " ha)"
    }

    /// The `title` and `rows` properties of a feature's popup.
    static func popup(title: String, rows: [(String, String)]) -> [(String, String)] {
        [("title", MapGeoJSON.string(title)),
         ("rows", MapGeoJSON.array(rows.map { MapGeoJSON.array([MapGeoJSON.string($0.0), MapGeoJSON.string($0.1)]) }))]
    }
}
