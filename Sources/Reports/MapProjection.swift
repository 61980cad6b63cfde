import Foundation
import GeometryCore

/// A rectangle in SVG user units (pixels): origin at the top left, y downwards.
public struct Frame: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A local equirectangular projection of WGS84 lon/lat onto a frame in pixels, for drawing only.
///
/// x = (lon − minLon) · cos(φm) · s, y = (maxLat − lat) · s, where φm is the middle latitude of the
/// bounds and s (pixels per degree of latitude) is the largest scale that fits the bounds in the frame;
/// the drawing is centred in the frame. Near φm, east–west and north–south distances keep their ratio.
public struct MapProjection: Sendable {
    /// The lon/lat bounds drawn (degrees).
    public let bounds: Bounds
    /// The frame the bounds are fitted into.
    public let frame: Frame
    /// cos of the middle latitude of the bounds.
    public let cosLatitude: Double
    /// Pixels per degree of latitude.
    public let pixelsPerDegree: Double
    private let offsetX: Double
    private let offsetY: Double

    /// Fits `bounds` (degrees; a degenerate box is widened to 0.001°) into `frame`.
    public init(fitting bounds: Bounds, into frame: Frame) {
        var box = bounds
        let minimumSpan = 0.001
        if box.maxX - box.minX < minimumSpan {
            let middle = (box.minX + box.maxX) / 2
            box.minX = middle - minimumSpan / 2
            box.maxX = middle + minimumSpan / 2
        }
        if box.maxY - box.minY < minimumSpan {
            let middle = (box.minY + box.maxY) / 2
            box.minY = middle - minimumSpan / 2
            box.maxY = middle + minimumSpan / 2
        }
        self.bounds = box
        self.frame = frame
        cosLatitude = cos((box.minY + box.maxY) / 2 * .pi / 180)
        let spanX = (box.maxX - box.minX) * cosLatitude
        let spanY = box.maxY - box.minY
        pixelsPerDegree = min(frame.width / spanX, frame.height / spanY)
        offsetX = (frame.width - spanX * pixelsPerDegree) / 2
        offsetY = (frame.height - spanY * pixelsPerDegree) / 2
    }

    /// The pixel position of a lon/lat point.
    public func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        (frame.x + offsetX + (longitude - bounds.minX) * cosLatitude * pixelsPerDegree,
         frame.y + offsetY + (bounds.maxY - latitude) * pixelsPerDegree)
    }

    /// The width in pixels of the drawn bounds.
    public var drawnWidth: Double { (bounds.maxX - bounds.minX) * cosLatitude * pixelsPerDegree }

    /// Metres on the ground per pixel along the middle latitude: the geodesic distance (WGS84,
    /// `geod_inverse`) between the bounds' west and east edges at that latitude, over the drawn width.
    public var metersPerPixel: Double {
        let latitude = (bounds.minY + bounds.maxY) / 2
        let distance = Geodesic.distance(fromLon: bounds.minX, fromLat: latitude, toLon: bounds.maxX, toLat: latitude)
        return distance.value / drawnWidth
    }
}
