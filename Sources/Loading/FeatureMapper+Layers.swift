import Contamination
import GeoIO

extension FeatureMapper {
    /// A hazard from a feature of a hazards layer. The hazard is always made: an unknown or missing class
    /// leaves `hazardClass` nil (the hazard is then left out of area figures), a missing date leaves
    /// `recorded` nil, a missing id is replaced by `hazards#index`; each is reported.
    public func hazard(from feature: Feature) -> Mapped<Hazard> {
        expect(.hazards)
        var reading = FeatureReading(self, feature)
        let id = reading.readId()
        let hazardClass = reading.value(
            "class", as: HazardClass.self, required: true, consequence: "the hazard is left out of area figures")
        let hazardType = reading.value(
            "hazard_type", as: HazardType.self, required: false, consequence: "the type is left blank")
        let status = reading.value("status", as: HazardStatus.self, required: false,
                                   consequence: "the status is left blank")
        let recorded = reading.date("recorded")
        let priority = reading.integer("priority")
        let geometry = reading.geometry(consequence: "the hazard has no area")
        let hazard = Hazard(
            id: id, hazardClass: hazardClass, hazardType: hazardType, status: status, recorded: recorded,
            region: reading.text("region"), organisation: reading.text("organisation"),
            evidence: reading.text("evidence"), priority: priority, terrain: reading.text("terrain"),
            geometry: geometry, source: reading.source)
        return Mapped(value: hazard, findings: reading.findings)
    }

    /// A release event from a feature of a releases layer; `nil` (with findings) when its method, date or
    /// geometry is missing or unknown, since the ledger cannot place it.
    public func releaseEvent(from feature: Feature) -> Mapped<ReleaseEvent> {
        expect(.releases)
        var reading = FeatureReading(self, feature)
        let id = reading.readId()
        let method = reading.value(
            "method", as: ReleaseMethod.self, required: true, consequence: "the release is left out")
        let date = reading.date("date")
        let devicesFound = reading.integer("devices_found")
        let geometry = reading.geometry(consequence: "the release is left out")
        guard let method, let date, let geometry else { return Mapped(value: nil, findings: reading.findings) }
        let event = ReleaseEvent(
            id: id, method: method, date: date, hazardId: reading.text("hazard_id"),
            organisation: reading.text("organisation"), devicesFound: devicesFound, geometry: geometry,
            source: reading.source)
        return Mapped(value: event, findings: reading.findings)
    }

    /// A region from a feature of a regions layer (`code` is its id); `nil` without a geometry.
    /// An empty name falls back to the code.
    public func region(from feature: Feature) -> Mapped<Region> {
        expect(.regions)
        var reading = FeatureReading(self, feature)
        let code = reading.readId("code")
        let name = reading.text("name") ?? code
        guard let geometry = reading.geometry(consequence: "the region is left out") else {
            return Mapped(value: nil, findings: reading.findings)
        }
        return Mapped(value: Region(code: code, name: name, geometry: geometry, source: reading.source),
                      findings: reading.findings)
    }

    /// An accident from a feature of an accidents layer; `nil` without a date or geometry.
    public func accident(from feature: Feature) -> Mapped<Accident> {
        expect(.accidents)
        var reading = FeatureReading(self, feature)
        let id = reading.readId()
        let date = reading.date("date")
        let casualties = reading.integer("casualties")
        let geometry = reading.geometry(consequence: "the accident is left out")
        guard let date, let geometry else { return Mapped(value: nil, findings: reading.findings) }
        return Mapped(
            value: Accident(id: id, date: date, casualties: casualties, geometry: geometry, source: reading.source),
            findings: reading.findings)
    }

    /// A facility from a feature of a facilities layer; `nil` without a known kind or a geometry.
    public func facility(from feature: Feature) -> Mapped<Facility> {
        expect(.facilities)
        var reading = FeatureReading(self, feature)
        let id = reading.readId()
        let kind = reading.value("kind", as: FacilityKind.self, required: true,
                                 consequence: "the facility is left out")
        let geometry = reading.geometry(consequence: "the facility is left out")
        guard let kind, let geometry else { return Mapped(value: nil, findings: reading.findings) }
        return Mapped(
            value: Facility(id: id, kind: kind, name: reading.text("name"), geometry: geometry,
                            source: reading.source),
            findings: reading.findings)
    }

    /// A road from a feature of a roads layer; an unknown kind is reported and left nil; `nil` without a geometry.
    public func road(from feature: Feature) -> Mapped<Road> {
        expect(.roads)
        var reading = FeatureReading(self, feature)
        let id = reading.readId()
        let kind = reading.value("kind", as: RoadKind.self, required: false,
                                 consequence: "the road is taken as unclassed")
        guard let geometry = reading.geometry(consequence: "the road is left out") else {
            return Mapped(value: nil, findings: reading.findings)
        }
        return Mapped(value: Road(id: id, kind: kind, geometry: geometry, source: reading.source),
                      findings: reading.findings)
    }

    /// A route from a feature of a routes layer; `nil` without a geometry.
    public func route(from feature: Feature) -> Mapped<Route> {
        expect(.routes)
        var reading = FeatureReading(self, feature)
        let id = reading.readId()
        guard let geometry = reading.geometry(consequence: "the route is left out") else {
            return Mapped(value: nil, findings: reading.findings)
        }
        return Mapped(value: Route(id: id, name: reading.text("name"), geometry: geometry, source: reading.source),
                      findings: reading.findings)
    }

    /// A route event from a feature of a route-events layer; `nil` without a known status, a date or a geometry.
    public func routeEvent(from feature: Feature) -> Mapped<RouteEvent> {
        expect(.routeEvents)
        var reading = FeatureReading(self, feature)
        let id = reading.readId()
        let status = reading.value("status", as: RouteEventStatus.self, required: true,
                                   consequence: "the route event is left out")
        let date = reading.date("date")
        let geometry = reading.geometry(consequence: "the route event is left out")
        guard let status, let date, let geometry else { return Mapped(value: nil, findings: reading.findings) }
        return Mapped(
            value: RouteEvent(id: id, routeId: reading.text("route_id"), status: status, date: date,
                              geometry: geometry, source: reading.source),
            findings: reading.findings)
    }
}
