import GeometryCore
import HazmapValues

/// Counts the people within a polygon (WGS84 lon/lat): Σ cell value × exact coverage fraction.
public typealias PeopleCounter = @Sendable (Geometry) throws -> Double

/// What the criteria of a priority score are measured against.
public struct PriorityInputs: Sendable {
    /// The hazards to rank; those without a polygon are ranked with no spatial values.
    public var hazards: [Hazard]
    public var accidents: [Accident]
    public var facilities: [Facility]
    public var roads: [Road]
    /// Release events: remaining area is the hazard's land still contaminated on `asOf`.
    public var releases: [ReleaseEvent]
    /// The day recent accidents are counted back from and releases are counted up to.
    public var asOf: CalendarDate
    /// Numeric attributes for `attribute` criteria: field → hazard source feature index → value.
    public var attributes: [String: [Int: Double]]
    /// People within a polygon, for `people_within`; `nil` when no population source is available.
    public var people: PeopleCounter?
    /// Admin regions: when given, each ranked hazard's `region` is the region holding its largest part
    /// (`RegionAssignment`), in place of its own attribute.
    public var regions: [Region]
    /// Worker threads; results are identical for any number.
    public var threads: Int

    public init(hazards: [Hazard], accidents: [Accident] = [], facilities: [Facility] = [], roads: [Road] = [],
                releases: [ReleaseEvent] = [], asOf: CalendarDate, attributes: [String: [Int: Double]] = [:],
                people: PeopleCounter? = nil, regions: [Region] = [], threads: Int = 1) {
        self.hazards = hazards
        self.accidents = accidents
        self.facilities = facilities
        self.roads = roads
        self.releases = releases
        self.asOf = asOf
        self.attributes = attributes
        self.people = people
        self.regions = regions
        self.threads = max(1, threads)
    }
}

extension CalendarDate {
    /// The same day `months` months earlier, clamped to the end of a shorter month.
    public func subtracting(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) - months
        let newYear = total / 12, newMonth = total % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        guard let date = CalendarDate(year: newYear, month: newMonth, day: newDay) else {
            preconditionFailure("a clamped day is valid in its month")
        }
        return date
    }
}
