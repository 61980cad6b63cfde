import GeoIO
import GeometryCore

/// Where the next minefield strip of a front line starts: the end of the line's last strip, its offset from the
/// line and its half-width, in metres.
struct StripCursor {
    /// Strips keep this far from the ends of a line (which touch the scenario box).
    static let margin = 500.0
    var station = StripCursor.margin
    var offset = 0.0
    var halfWidth = 60.0
}

/// The front-line layout's own hazards: sites in a narrow band along the front lines, and minefield strips
/// that follow a line for 1 to 4 km in a chain, each overlapping the one before, released section by section
/// over the years.
extension HazardStream {
    /// A site near a front line: most within a few hundred metres of it, some further out (up to 10,000 hazards;
    /// the band widens with `frontBandScale` beyond).
    mutating func frontSite() -> PlanarPoint {
        let line = random.element(of: layout.frontCourses)
        let station = random.uniform(0, line.length)
        let spread = (random.chance(0.8) ? 250.0 : 700.0) * layout.frontBandScale
        return line.point(at: station, offset: random.normal() * spread)
    }

    /// A minefield strip along a front line (an SHA or a CHA, 50 to 250 m wide), and its releases: the strip is
    /// cut into one to four consecutive sections along its length, released one after the other at dates
    /// months to years apart, the first by the class's usual method, later ones mostly by clearance.
    mutating func stripHazard(_ fresh: HazardRecord) -> (hazard: HazardRecord, releases: [ReleaseRecord]) {
        var hazard = fresh
        hazard.hazardClass = random.chance(0.55) ? "SHA" : "CHA"
        hazard.evidence = hazard.hazardClass == "SHA" ? "former front line"
                                                      : random.element(of: ["mine signs", "mine found"])
        let lineIndex = random.integer(0...(layout.frontCourses.count - 1))
        let line = layout.frontCourses[lineIndex]
        if stripCursors.isEmpty {
            stripCursors = layout.frontCourses.map { _ in StripCursor() }
        }
        var start = 0.0, end = 0.0, offset = 0.0, halfWidth = 0.0
        var ring: [PlanarPoint] = []
        repeat {
            // The next strip of the line's chain: it starts 100 to 300 m before the last one ended, and lies
            // within that one's width, so each strip overlaps the one before; at the line's end the chain starts
            // again at its beginning (another pass over the same ground).
            let previous = stripCursors[lineIndex]
            halfWidth = random.uniform(30, 125)
            start = max(StripCursor.margin, previous.station - random.uniform(100, 300))
            end = min(start + random.uniform(1_000, 4_000), line.length - StripCursor.margin)
            if end - start < 500 {
                start = StripCursor.margin
                end = min(start + random.uniform(1_000, 4_000), line.length - StripCursor.margin)
            }
            let reach = 0.8 * min(halfWidth, previous.halfWidth)
            // Strip centre lines keep within ±100 m of the line up to 10,000 hazards; beyond, the belt they
            // cover (that range plus a mean half-width of 78 m each side) widens with the band.
            let band = 178 * layout.frontBandScale - 78
            offset = (previous.offset + random.uniform(-reach, reach)).clamped(-band, band)
            stripCursors[lineIndex] = StripCursor(station: end, offset: offset, halfWidth: halfWidth)
            ring = line.strip(from: start, to: end, offset: offset, halfWidth: halfWidth)
        } while !isUsable(ring)
        hazard.rings = PolygonRings(shell: ring.flat(closed: true))
        hazard.region = layout.regions.code(at: line.point(at: (start + end) / 2, offset: offset))

        var releases: [ReleaseRecord] = []
        let year = Double(hazard.recorded.year - 2005)
        if random.chance((0.85 - 0.03 * year).clamped(0.2, 0.85)), var date = nextReleaseDate(after: hazard.recorded) {
            let sections = random.integer(1...4)
            var cuts = [start]
            for section in stride(from: 1, to: sections, by: 1) {
                cuts.append(start + (end - start) * (Double(section) + random.uniform(-0.3, 0.3)) / Double(sections))
            }
            cuts.append(end)
            for section in 0..<sections where date <= HazardStream.lastRelease {
                let method = section == 0 ? firstMethod(hazard.hazardClass)
                    : random.weighted([("cleared", 0.6), ("reduced", 0.3), ("cancelled", 0.1)])
                let piece = line.strip(from: cuts[section], to: cuts[section + 1], offset: offset, halfWidth: halfWidth)
                releases.append(release(for: hazard, method: method, date: date, ring: piece,
                                        ordinal: releaseCount + releases.count + 1))
                date = date.adding(days: random.integer(60...700))
            }
            hazard.status = releases.count == sections ? "closed" : "worked_on"
        }
        finish(&releases, of: hazard)
        return (hazard, releases)
    }

    /// Whether a strip lies on open land (in the box, out of the lake and the clean zones) and is a valid polygon.
    private func isUsable(_ ring: [PlanarPoint]) -> Bool {
        guard ring.allSatisfy({ layout.isOpenLand($0, radius: 50) }) else { return false }
        guard let polygon = try? Geometry.polygon(PolygonRings(shell: ring.flat(closed: true))) else { return false }
        return (try? polygon.isValid) == true
    }
}
