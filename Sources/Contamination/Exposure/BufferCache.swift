import GeometryCore

/// One polygon part of a component's land, named by its exact coordinates (its well-known binary): parts with
/// equal keys are the same polygon, so they have the same buffer at every distance, to the last bit.
struct PartKey: Hashable, Sendable {
    let wkb: [UInt8]

    init(_ part: Geometry) throws {
        wkb = try part.wkb()
    }
}

/// A connected set of buffers at one distance (its index in the request), named by its parts' keys in order:
/// sets with equal keys have the same union, and the same figures, to the last bit.
struct UnionKey: Hashable, Sendable {
    var distance: Int
    var parts: [PartKey]
}

/// The buffers of the parts of the current land at each distance, and the figures of the unions of their
/// connected sets, kept from one date to the next, so that a buffer group that must be summed again (one of its
/// components changed) buffers only the parts that are new, and unites only the sets of buffers that changed.
///
/// Every buffer is held compactly (`CompactGeometry`) and united as rebuilt from that form, whether it was made
/// at this date or an earlier one: a buffer is a function of its part's coordinates alone, so a date computed
/// alone, with nothing to reuse, unites exactly the same polygons. Memory holds the buffers of the land of one
/// date: those of parts no longer in the land are let go (`keep(only:)`).
struct BufferCache: Sendable {
    /// By distance (its index in the request), the buffers of parts.
    private var byDistance: [Int: [PartKey: CompactGeometry]] = [:]
    /// How many buffers were made since the last `keep(only:)` (the others were reused).
    private(set) var made = 0
    /// How many buffers were reused since the last `keep(only:)`.
    private(set) var reused = 0
    /// The figures of unions of connected sets of buffers.
    private(set) var unions: [UnionKey: ExposureFigures] = [:]
    /// How many unions were made, and how many reused, since the last `keep(only:)`.
    private(set) var unionsMade = 0, unionsReused = 0

    /// The buffers known at `distance`.
    func buffers(at distance: Int) -> [PartKey: CompactGeometry] {
        byDistance[distance] ?? [:]
    }

    /// Adds what a job at `distance` made, and counts what it reused.
    mutating func add(_ result: GroupResult, at distance: Int) {
        byDistance[distance, default: [:]].merge(result.made) { old, _ in old }
        made += result.made.count
        reused += result.reused
        unions.merge(result.unions) { old, _ in old }
        unionsMade += result.unions.count
        unionsReused += result.unionsReused
    }

    /// Lets go of the buffers of parts not in `live` (the parts of the land of the date just computed), and
    /// starts the counts again.
    mutating func keep(only live: Set<PartKey>) {
        for distance in byDistance.keys {
            byDistance[distance] = byDistance[distance]?.filter { live.contains($0.key) }
        }
        unions = unions.filter { $0.key.parts.allSatisfy { live.contains($0) } }
        made = 0
        reused = 0
        unionsMade = 0
        unionsReused = 0
    }
}
