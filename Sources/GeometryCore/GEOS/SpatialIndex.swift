internal import CGEOS

/// A packed R-tree of bounding boxes identified by integer ids (`GEOSSTRtree_create_r`), for finding
/// which boxes intersect a query box. Boxes and queries share one coordinate system.
///
/// All boxes are given at once: GEOS packs the tree on the first query and accepts no inserts after.
/// Belongs to the thread that made it, like the GEOS context it was made with: not `Sendable`.
/// Destroyed in `deinit` (`GEOSSTRtree_destroy_r`).
public final class STRtree {
    private let context: GEOSContext
    private let tree: OpaquePointer

    /// Indexes each box under its position in `bounds`; `nil` boxes (empty geometries) are left out
    /// (`GEOSSTRtree_insert_r`, one rectangle per box made with `GEOSGeom_createRectangle_r`).
    ///
    /// - Parameter nodeCapacity: the maximum number of children per node (GEOS's usual value is 10).
    public init(bounds: [Bounds?], nodeCapacity: Int = 10) throws {
        guard nodeCapacity >= 2 else {
            throw GEOSError(function: "GEOSSTRtree_create_r", message: "node capacity must be at least 2: \(nodeCapacity)")
        }
        let context = GEOSContext.current
        self.context = context
        tree = try context.check("GEOSSTRtree_create_r") { GEOSSTRtree_create_r($0, nodeCapacity) }
        for (id, box) in bounds.enumerated() {
            guard let box else { continue }
            // The tree copies the rectangle's envelope, so the rectangle is freed right after the insert.
            let rectangle = try STRtree.rectangle(box, context: context)
            defer { GEOSGeom_destroy_r(context.handle, rectangle) }
            try context.checkMessage("GEOSSTRtree_insert_r") {
                GEOSSTRtree_insert_r($0, tree, rectangle, STRtree.item(for: id))
            }
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// The ids of every indexed box that intersects `bounds` (touching counts), ascending
    /// (`GEOSSTRtree_query_r`).
    public func query(bounds: Bounds) throws -> [Int] {
        let rectangle = try STRtree.rectangle(bounds, context: context)
        defer { GEOSGeom_destroy_r(context.handle, rectangle) }
        var ids: [Int] = []
        try withUnsafeMutablePointer(to: &ids) { pointer in
            try context.checkMessage("GEOSSTRtree_query_r") {
                GEOSSTRtree_query_r($0, tree, rectangle, { item, userdata in
                    guard let userdata else { return }
                    let ids = userdata.assumingMemoryBound(to: [Int].self)
                    ids.pointee.append(STRtree.id(for: item))
                }, UnsafeMutableRawPointer(pointer))
            }
        }
        ids.sort()
        return ids
    }

    /// A box as a GEOS geometry (a point or line when degenerate, which the tree indexes by envelope).
    private static func rectangle(_ box: Bounds, context: GEOSContext) throws -> OpaquePointer {
        try context.check("GEOSGeom_createRectangle_r") {
            GEOSGeom_createRectangle_r($0, box.minX, box.minY, box.maxX, box.maxY)
        }
    }

    /// Ids are stored in the tree's item pointer as `id + 1`, so that id 0 is not a null pointer.
    private static func item(for id: Int) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: id + 1)
    }

    private static func id(for item: UnsafeMutableRawPointer?) -> Int {
        Int(bitPattern: item) - 1
    }
}

@available(*, unavailable, message: "an STRtree belongs to the thread that made it")
extension STRtree: Sendable {}
