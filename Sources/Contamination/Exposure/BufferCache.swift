import GeometryCore

/// One polygon part of a component's land, named by its exact coordinates (its well-known binary): parts with
/// equal keys are the same polygon, so they have the same buffer at every distance, to the last bit.
///
/// The bytes are hashed once, when the key is made (`digest`), not at every look-up: hashing them byte by byte
/// at each look-up of the buffer cache and of the unions (whose keys hold every part's key) took 4% of a report.
struct PartKey: Hashable, Sendable {
    let wkb: [UInt8]
    /// The hash of `wkb`, made once.
    private let digest: Int

    init(_ part: Geometry) throws {
        wkb = try part.wkb()
        var hasher = Hasher()
        wkb.withUnsafeBytes { hasher.combine(bytes: $0) }
        digest = hasher.finalize()
    }

    static func == (a: PartKey, b: PartKey) -> Bool { a.digest == b.digest && a.wkb == b.wkb }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}

/// A connected set of buffers at one distance (its index in the request), named by its parts' keys in order:
/// sets with equal keys have the same union, and the same figures, to the last bit.
struct UnionKey: Hashable, Sendable {
    let distance: Int
    let parts: [PartKey]
    /// The hash of the distance and the parts' keys, made once.
    private let digest: Int

    init(distance: Int, parts: [PartKey]) {
        self.distance = distance
        self.parts = parts
        var hasher = Hasher()
        hasher.combine(distance)
        hasher.combine(parts)
        digest = hasher.finalize()
    }

    static func == (a: UnionKey, b: UnionKey) -> Bool {
        a.digest == b.digest && a.distance == b.distance && a.parts == b.parts
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
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
    /// The most buffers one job held at once since the last `keep(only:)` (`GroupResult.mostHeld`).
    private(set) var mostHeld = 0

    /// The buffers known at `distance`.
    func buffers(at distance: Int) -> [PartKey: CompactGeometry] {
        byDistance[distance] ?? [:]
    }

    /// How many buffers are kept, at every distance.
    var count: Int { byDistance.values.reduce(0) { $0 + $1.count } }

    /// Adds what a job at `distance` made, and counts what it reused.
    mutating func add(_ result: GroupResult, at distance: Int) {
        byDistance[distance, default: [:]].merge(result.made) { old, _ in old }
        made += result.madeCount
        reused += result.reused
        unions.merge(result.unions) { old, _ in old }
        unionsMade += result.unions.count
        unionsReused += result.unionsReused
        mostHeld = max(mostHeld, result.mostHeld)
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
        mostHeld = 0
    }
}
