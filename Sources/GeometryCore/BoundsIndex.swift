/// An immutable spatial index of bounding boxes, packed with the Sort-Tile-Recursive method.
///
/// Pure Swift, so unlike GEOS's STRtree it can be shared between threads (`Sendable`).
/// Coordinates are those of the boxes given (WGS84 lon/lat in hazmap).
public struct BoundsIndex: Sendable {
    private struct Node: Sendable {
        var bounds: Bounds
        /// Children: node indices in `nodes` for inner nodes, item indices for leaves.
        var children: Range<Int>
        var isLeaf: Bool
    }

    private let nodes: [Node]
    private let leafItems: [Int]
    private let leafBounds: [Bounds]
    private let root: Int?

    /// Indexes the boxes; a `nil` box (an empty geometry) is never returned by a query.
    public init(_ boxes: [Bounds?], nodeCapacity: Int = 16) {
        let capacity = max(2, nodeCapacity)
        var items = boxes.indices.filter { boxes[$0] != nil }
        var nodes: [Node] = []
        var leafItems: [Int] = []
        func box(_ item: Int) -> Bounds { boxes[item] ?? Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        func centreX(_ b: Bounds) -> Double { b.minX + b.maxX }
        func centreY(_ b: Bounds) -> Double { b.minY + b.maxY }
        // Leaves: sort by x, cut into vertical slices, sort each slice by y, pack runs of `capacity`.
        items.sort { (centreX(box($0)), $0) < (centreX(box($1)), $1) }
        let leafCount = (items.count + capacity - 1) / capacity
        let sliceCount = Int(Double(leafCount).squareRoot().rounded(.up))
        let sliceSize = max(1, sliceCount * capacity)
        var level: [Int] = []
        var start = 0
        while start < items.count {
            var slice = Array(items[start..<min(start + sliceSize, items.count)])
            slice.sort { (centreY(box($0)), $0) < (centreY(box($1)), $1) }
            var offset = 0
            while offset < slice.count {
                let run = slice[offset..<min(offset + capacity, slice.count)]
                let first = leafItems.count
                leafItems.append(contentsOf: run)
                let bounds = run.dropFirst().reduce(box(run[run.startIndex])) { $0.union(box($1)) }
                nodes.append(Node(bounds: bounds, children: first..<leafItems.count, isLeaf: true))
                level.append(nodes.count - 1)
                offset += capacity
            }
            start += sliceSize
        }
        // Inner levels: pack consecutive nodes of the level below (already spatially ordered).
        while level.count > 1 {
            var next: [Int] = []
            var offset = 0
            while offset < level.count {
                let run = level[offset..<min(offset + capacity, level.count)]
                let bounds = run.dropFirst().reduce(nodes[run[run.startIndex]].bounds) { $0.union(nodes[$1].bounds) }
                // Inner nodes' children are contiguous in `nodes` because each level is appended in order.
                nodes.append(Node(bounds: bounds, children: run[run.startIndex]..<(run[run.endIndex - 1] + 1),
                                  isLeaf: false))
                next.append(nodes.count - 1)
                offset += capacity
            }
            level = next
        }
        self.nodes = nodes
        self.leafItems = leafItems
        leafBounds = leafItems.map(box)
        root = level.first
    }

    /// The indices of the boxes that intersect `bounds` (touching counts), ascending.
    public func query(_ bounds: Bounds) -> [Int] {
        guard let root else { return [] }
        var found: [Int] = []
        var stack = [root]
        while let top = stack.popLast() {
            let node = nodes[top]
            guard node.bounds.intersects(bounds) else { continue }
            if node.isLeaf {
                for slot in node.children where leafBounds[slot].intersects(bounds) {
                    found.append(leafItems[slot])
                }
            } else {
                stack.append(contentsOf: node.children)
            }
        }
        return found.sorted()
    }
}
