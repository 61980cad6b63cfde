internal import CGEOS

/// A geometry held compactly while many are kept at once: a Polygon or MultiPolygon as one flat array
/// of x, y pairs (16 bytes per vertex) and a small ring layout, instead of GEOS objects (24 bytes per
/// vertex plus a few hundred bytes of ring, sequence, envelope and polygon objects).
///
/// `geometry` builds the GEOS geometry again, with the same coordinates, rings, parts and kind; build it
/// where it is used and let it go after. Other kinds, empty geometries, geometries with Z and polygons
/// whose rings GEOS could not take back as they are (open, fewer than 4 points, NaN) are kept as GEOS
/// geometries, unchanged.
public struct CompactGeometry: Sendable {
    private enum Shape: Sendable {
        case polygons(FlatPolygons)
        case geos(Geometry)
    }

    private let shape: Shape

    /// The bounding box, without building the geometry; `nil` when it is empty.
    public let bounds: Bounds?

    /// Holds `geometry` compactly when it is a Polygon or MultiPolygon GEOS can rebuild exactly.
    public init(_ geometry: Geometry) {
        bounds = geometry.bounds
        if let flat = FlatPolygons(geometry) {
            shape = .polygons(flat)
        } else {
            shape = .geos(geometry)
        }
    }

    /// Holds `geometry` as it is, a GEOS geometry; `compacted()` flattens it later.
    public init(keeping geometry: Geometry) {
        bounds = geometry.bounds
        shape = .geos(geometry)
    }

    /// The same geometry, held flat when it can be.
    public func compacted() -> CompactGeometry {
        switch shape {
        case .polygons: self
        case .geos(let geometry): CompactGeometry(geometry)
        }
    }

    /// Whether this is a Polygon or MultiPolygon.
    public var isPolygonal: Bool {
        switch shape {
        case .polygons: true
        case .geos(let geometry): geometry.isPolygonal
        }
    }

    /// Whether the coordinates are held as a flat array (not as a GEOS geometry).
    public var isFlat: Bool {
        if case .polygons = shape { return true }
        return false
    }

    /// The geometry, as it was given.
    ///
    /// Rebuilding can fail only when GEOS cannot allocate: the rings were checked when they were stored.
    public var geometry: Geometry {
        switch shape {
        case .geos(let geometry):
            return geometry
        case .polygons(let flat):
            do {
                return try flat.geometry()
            } catch {
                preconditionFailure("GEOS could not rebuild a polygon it had made (out of memory?): \(error)")
            }
        }
    }
}

/// The rings of a Polygon or MultiPolygon in one array of interleaved x, y.
///
/// `layout` is empty for a polygon of one ring; otherwise it holds the number of polygons, the ring count
/// of each, then the end (in points, exclusive) of every ring.
private struct FlatPolygons: Sendable {
    let xy: [Double]
    let layout: [UInt32]
    let isMulti: Bool

    /// The flat form of `geometry`, or `nil` when it is not a non-empty 2D Polygon or MultiPolygon whose
    /// every ring is closed with at least 4 points.
    init?(_ geometry: Geometry) {
        guard geometry.isPolygonal, !geometry.isEmpty else { return nil }
        let context = GEOSContext.current
        guard GEOSHasZ_r(context.handle, geometry.handle) == 0 else { return nil }
        guard let polygons = try? geometry.polygonRings(),
              polygons.count == geometry.partCount else { return nil }
        var xy: [Double] = []
        xy.reserveCapacity(polygons.reduce(0) { total, rings in
            total + rings.shell.count + rings.holes.reduce(0) { $0 + $1.count }
        })
        var ringCounts: [UInt32] = []
        var ringEnds: [UInt32] = []
        for rings in polygons {
            ringCounts.append(UInt32(1 + rings.holes.count))
            for ring in [rings.shell] + rings.holes {
                guard Self.isRebuildable(ring) else { return nil }
                xy.append(contentsOf: ring)
                ringEnds.append(UInt32(xy.count / 2))
            }
        }
        let isMulti = geometry.kind == .multiPolygon
        self.xy = xy
        self.layout = !isMulti && ringEnds.count == 1 ? [] : [UInt32(polygons.count)] + ringCounts + ringEnds
        self.isMulti = isMulti
    }

    /// Whether GEOS takes the ring back as a linear ring: at least 4 points, the last equal to the first.
    private static func isRebuildable(_ ring: FlatXY) -> Bool {
        let count = ring.count
        guard count >= 8, count.isMultiple(of: 2) else { return false }
        return ring[0] == ring[count - 2] && ring[1] == ring[count - 1]
    }

    /// The rings of each polygon, as `polygonRings()` gave them.
    private func polygons() -> [PolygonRings] {
        guard !layout.isEmpty else { return [PolygonRings(shell: xy)] }
        let polygonCount = Int(layout[0])
        var result: [PolygonRings] = []
        result.reserveCapacity(polygonCount)
        var ring = 0
        var start = 0
        func nextRing() -> FlatXY {
            let end = Int(layout[1 + polygonCount + ring])
            defer {
                ring += 1
                start = end
            }
            return Array(xy[(2 * start)..<(2 * end)])
        }
        for polygon in 0..<polygonCount {
            let shell = nextRing()
            let holes = (1..<Int(layout[1 + polygon])).map { _ in nextRing() }
            result.append(PolygonRings(shell: shell, holes: holes))
        }
        return result
    }

    func geometry() throws -> Geometry {
        let polygons = polygons()
        if isMulti { return try .multiPolygon(polygons) }
        return try .polygon(polygons[0])
    }
}
