import GeometryCore

/// One layer of a map: polygons or lines in WGS84 lon/lat, drawn in order, with its legend label.
public struct MapLayer: Sendable {
    public var label: String
    public var geometries: [Geometry]
    public var style: MapStyle

    public init(label: String, geometries: [Geometry], style: MapStyle) {
        self.label = label
        self.geometries = geometries
        self.style = style
    }
}

/// A text label at a WGS84 lon/lat point, drawn above every layer (e.g. a region's code).
public struct MapLabel: Sendable, Equatable {
    public var longitude: Double
    public var latitude: Double
    public var text: String

    public init(longitude: Double, latitude: Double, text: String) {
        self.longitude = longitude
        self.latitude = latitude
        self.text = text
    }
}

/// Draws map layers as one SVG element: the layers fitted into the map frame with a `MapProjection`,
/// a legend in its own column to the right (so it never covers the map), a geodesic scale bar and a north arrow.
///
/// Layers with more than `simplifyAbove` vertices are simplified for drawing only, to half a pixel
/// (`Geometry.simplify`, GEOS topology-preserving simplification); figures never come from the drawing.
public struct MapRenderer: Sendable {
    public var width: Double = 1100
    public var height: Double = 760
    public var legendWidth: Double = 220
    public var simplifyAbove = 5000

    public init() {}

    /// The frame the map itself is drawn in (inside the margins, left of the legend).
    public var mapFrame: Frame {
        Frame(x: 10, y: 10, width: width - legendWidth - 20, height: height - 20)
    }

    /// The SVG of the layers and labels; `title` becomes the SVG's accessible title.
    public func render(_ layers: [MapLayer], labels: [MapLabel] = [], title: String) throws -> String {
        let n = { (value: Double) in Markup.number(value) }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 \(n(width)) \(n(height))" \
        width="\(n(width))" height="\(n(height))" role="img" aria-label="\(Markup.escape(title))" \
        font-family="sans-serif"><title>\(Markup.escape(title))</title>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#f7f7f2"/>\n
        """
        let frame = mapFrame
        guard let bounds = Self.bounds(of: layers) else {
            svg += "<text x=\"\(n(frame.x + frame.width / 2))\" y=\"\(n(frame.y + frame.height / 2))\" "
                + "text-anchor=\"middle\" font-size=\"16\">No geometry to draw</text>\n</svg>"
            return svg
        }
        let pad = max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) * 0.03
        let padded = Bounds(minX: bounds.minX - pad, minY: bounds.minY - pad, maxX: bounds.maxX + pad, maxY: bounds.maxY + pad)
        let projection = MapProjection(fitting: padded, into: frame)
        for layer in layers {
            svg += try path(layer, projection: projection)
        }
        for label in labels {
            let point = projection.project(longitude: label.longitude, latitude: label.latitude)
            svg += "<text class=\"label\" x=\"\(n(point.x))\" y=\"\(n(point.y))\" text-anchor=\"middle\" "
                + "font-size=\"13\" font-weight=\"bold\" fill=\"#333333\" stroke=\"#ffffff\" stroke-width=\"3\" "
                + "paint-order=\"stroke\">\(Markup.escape(label.text))</text>\n"
        }
        let scale = ScaleBar(metersPerPixel: projection.metersPerPixel, maximumPixels: frame.width / 4)
        svg += scale.svg(x: frame.x + 16, y: frame.y + frame.height - 20) + "\n"
        svg += Self.northArrow(x: frame.x + 24, y: frame.y + 10) + "\n"
        svg += legend(layers, x: width - legendWidth, y: 20)
        svg += "</svg>"
        return svg
    }

    /// A north arrow whose tip is at (x, y + 14), under an `N`: the projection keeps north up.
    static func northArrow(x: Double, y: Double) -> String {
        let n = { (value: Double) in Markup.number(value) }
        return "<g class=\"north-arrow\" aria-label=\"North\"><text x=\"\(n(x))\" y=\"\(n(y + 11))\" text-anchor=\"middle\" "
            + "font-size=\"13\" font-weight=\"bold\">N</text>"
            + "<path d=\"M\(n(x)),\(n(y + 14))L\(n(x + 8)),\(n(y + 40))L\(n(x)),\(n(y + 33))Z\" fill=\"#ffffff\" stroke=\"#222222\"/>"
            + "<path d=\"M\(n(x)),\(n(y + 14))L\(n(x - 8)),\(n(y + 40))L\(n(x)),\(n(y + 33))Z\" fill=\"#222222\" stroke=\"#222222\"/></g>"
    }

    /// The union of the layers' bounds, or `nil` when nothing is drawn.
    static func bounds(of layers: [MapLayer]) -> Bounds? {
        var result: Bounds?
        for layer in layers {
            for geometry in layer.geometries {
                guard let box = geometry.bounds else { continue }
                result = result.map { $0.union(box) } ?? box
            }
        }
        return result
    }

    private func path(_ layer: MapLayer, projection: MapProjection) throws -> String {
        let vertices = layer.geometries.reduce(0) { $0 + $1.coordinateCount }
        let tolerance = 0.5 / projection.pixelsPerDegree
        var polygonData = ""
        var lineData = ""
        for geometry in layer.geometries where !geometry.isEmpty {
            var drawn = geometry
            if vertices > simplifyAbove {
                let simplified = try geometry.simplify(tolerance: tolerance)
                if !simplified.isEmpty { drawn = simplified }
            }
            polygonData += SVGPath.polygons(try drawn.polygonRings(), projection: projection)
            lineData += SVGPath.lines(try drawn.lineStrings(), projection: projection)
        }
        let style = layer.style
        let n = { (value: Double) in Markup.number(value) }
        let label = Markup.escape(layer.label)
        var result = ""
        if !polygonData.isEmpty {
            let fill = style.fill.map { "fill=\"\($0)\" fill-opacity=\"\(n(style.fillOpacity))\"" } ?? "fill=\"none\""
            result += "<path class=\"layer\" data-layer=\"\(label)\" d=\"\(polygonData)\" \(fill) fill-rule=\"evenodd\" "
                + "stroke=\"\(style.stroke)\" stroke-width=\"\(n(style.strokeWidth))\" stroke-linejoin=\"round\"/>\n"
        }
        if !lineData.isEmpty {
            result += "<path class=\"layer\" data-layer=\"\(label)\" d=\"\(lineData)\" fill=\"none\" "
                + "stroke=\"\(style.stroke)\" stroke-width=\"\(n(style.strokeWidth))\"/>\n"
        }
        return result
    }

    private func legend(_ layers: [MapLayer], x: Double, y: Double) -> String {
        let n = { (value: Double) in Markup.number(value) }
        var result = "<g class=\"legend\" font-size=\"13\">"
        result += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-weight=\"bold\">Legend</text>"
        var row = y + 12
        for layer in layers.reversed() {
            let style = layer.style
            let fill = style.fill.map { "fill=\"\($0)\" fill-opacity=\"\(n(style.fillOpacity))\"" } ?? "fill=\"none\""
            let empty = layer.geometries.allSatisfy(\.isEmpty)
            if style.fill == nil {
                // Lines (routes, boundaries) get a line swatch, not a box.
                result += "<line x1=\"\(n(x))\" y1=\"\(n(row + 7))\" x2=\"\(n(x + 22))\" y2=\"\(n(row + 7))\" "
                    + "stroke=\"\(style.stroke)\" stroke-width=\"\(n(max(1, style.strokeWidth)))\"/>"
            } else {
                result += "<rect x=\"\(n(x))\" y=\"\(n(row))\" width=\"22\" height=\"14\" \(fill) stroke=\"\(style.stroke)\" "
                    + "stroke-width=\"\(n(max(1, style.strokeWidth)))\"/>"
            }
            result += "<text x=\"\(n(x + 30))\" y=\"\(n(row + 11))\">\(Markup.escape(layer.label))\(empty ? " (none)" : "")</text>"
            row += 24
        }
        return result + "</g>\n"
    }
}
