import Contamination
import GeoIO
import GeometryCore
import HazmapValues

/// The people in one exposure area (inside contamination, or within a distance of it) at one year end.
public struct ExposurePoint: Sendable, Equatable {
    public var label: String
    public var date: CalendarDate
    /// People inside the remaining contamination, then within each distance (`ExposureSection.distances`),
    /// both classes together, each person counted once per area.
    public var people: [Double]

    public init(label: String, date: CalendarDate, people: [Double]) {
        self.label = label
        self.date = date
        self.people = people
    }
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

    public init(population: String, distances: [Meters], points: [ExposurePoint], noLongerExposed: [Double],
                newlyExposed: [Double], hazardsOutsideRaster: [String], rasterWarnings: [String]) {
        self.population = population
        self.distances = distances
        self.points = points
        self.noLongerExposed = noLongerExposed
        self.newlyExposed = newlyExposed
        self.hazardsOutsideRaster = hazardsOutsideRaster
        self.rasterWarnings = rasterWarnings
    }

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

    public init(analysis: RouteAnalysis, routes: [Route]) {
        self.analysis = analysis
        self.routes = routes
    }
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
