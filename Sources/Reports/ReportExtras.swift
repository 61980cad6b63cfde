import Contamination
import GeoIO
import GeometryCore
import HazmapValues

/// The optional inputs of a report beyond hazards, releases and regions.
public struct ReportExtras: Sendable {
    /// Population raster: the people exposed at each year end.
    public var population: PopulationRaster?
    /// Distances around remaining contamination for exposure and route figures (defaults 500 m, 1 km, 5 km).
    public var distances: [Meters]
    /// Hazards ranked by the caller (`Priorities`); the page lists the top ones.
    public var priorities: Priorities?
    /// Routes, for km by status at each year end and km near remaining contamination; `nil` without routes.
    public var routes: [Route]?
    /// Route events (verified, cleared) with their dates.
    public var routeEvents: [RouteEvent]
    /// Accidents, counted per year.
    public var accidents: [Accident]?
    /// The Article 5 deadline (and capacity) the report's outlook is computed for; `nil`: no such section.
    public var article5: Article5Request?

    public init(population: PopulationRaster? = nil,
                distances: [Meters] = [Meters(500), Meters(1_000), Meters(5_000)], priorities: Priorities? = nil,
                routes: [Route]? = nil, routeEvents: [RouteEvent] = [], accidents: [Accident]? = nil,
                article5: Article5Request? = nil) {
        self.population = population
        self.distances = distances
        self.priorities = priorities
        self.routes = routes
        self.routeEvents = routeEvents
        self.accidents = accidents
        self.article5 = article5
    }
}

/// The people in one exposure area (inside contamination, or within a distance of it) at one year end.
public struct ExposurePoint: Sendable, Equatable {
    public var label: String
    public var date: CalendarDate
    /// People inside the remaining contamination, then within each distance (`ExposureSection.distances`),
    /// both classes together, each person counted once per area.
    public var people: [Double]
}

/// People living in or near the remaining contamination at each year end (`Exposure`).
public struct ExposureSection: Sendable {
    /// The raster the people were summed on.
    public var population: String
    public var distances: [Meters]
    public var points: [ExposurePoint]
    /// Per area (inside, then each distance): the people in land that was in the area at the first year end
    /// and is no longer at the last (Σ over the raster of the difference of the two areas).
    public var noLongerExposed: [Double]
    /// Per area: the people in land that is in the area at the last year end and was not at the first.
    public var newlyExposed: [Double]
    /// Hazards not wholly inside the raster (people beyond it are not counted).
    public var hazardsOutsideRaster: [String]
    /// Findings about the raster's cells (`Exposure.rasterWarnings`), such as invalid cells left out.
    public var rasterWarnings: [String] = []

    /// `inside`, `within 500 m`, `within 1 km`, …
    public var areaLabels: [String] {
        ["inside"] + distances.map { "within " + ReportData.distanceLabel($0) }
    }
}

/// Route km by status at each year end and km near the remaining contamination (`RouteAnalysis`).
public struct RoutesSection: Sendable {
    public var analysis: RouteAnalysis
    /// The route lines, drawn on the map.
    public var routes: [Route]
}

/// Accidents and casualties per year.
public struct AccidentYear: Sendable, Equatable {
    public var year: Int
    public var accidents: Int
    /// Casualties where the source gives them.
    public var casualties: Int
}

/// The hazards ranked by priority, with the region names for the table.
public struct PrioritiesSection: Sendable {
    public var priorities: Priorities
    /// How many the page lists (all are in priorities.geojson).
    public var shown: Int
}
