/// One layer of the interactive map: GeoJSON features drawn with one style, switched on and off as one.
public struct InteractiveLayer: Sendable {
    /// How the layer's features are drawn.
    public enum Kind: String, Sendable {
        /// Polygons and lines with the layer's style.
        case shapes
        /// Points as small circles.
        case points
        /// Points as numbered markers (the feature's `rank` property).
        case ranks
        /// Points as text labels (the feature's `title` property); not clickable.
        case labels
    }

    /// A short name made of `a-z`, `0-9` and `-`: the CSS class `hz-ID` of every drawn feature.
    public var id: String
    /// The name in the layer switcher.
    public var label: String
    public var kind: Kind
    public var style: MapStyle
    /// Whether the layer is on when the page opens.
    public var visible: Bool
    /// GeoJSON Feature texts (`MapGeoJSON.feature`); their `title` is shown on hover and their `rows`
    /// (label, value pairs) in the popup on click.
    public var features: [String]

    public init(id: String, label: String, kind: Kind = .shapes, style: MapStyle, visible: Bool = true,
                features: [String]) {
        self.id = id
        self.label = label
        self.kind = kind
        self.style = style
        self.visible = visible
        self.features = features
    }

    /// The layer as JSON: its settings and a GeoJSON FeatureCollection.
    var json: String {
        MapGeoJSON.object([
            ("id", MapGeoJSON.string(id)), ("label", MapGeoJSON.string(label)), ("kind", MapGeoJSON.string(kind.rawValue)),
            ("visible", visible ? "true" : "false"),
            ("style", MapGeoJSON.object([
                ("fill", style.fill.map(MapGeoJSON.string) ?? "null"), ("fillOpacity", MapGeoJSON.number(style.fillOpacity)),
                ("stroke", MapGeoJSON.string(style.stroke)), ("width", MapGeoJSON.number(style.strokeWidth)),
            ])),
            ("features", "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",\n") + "]}"),
        ])
    }
}

/// The report's map section: an interactive Leaflet map (pan, zoom, popups, layer switcher, scale bar,
/// north arrow) for the screen, and the static SVG map for print (CSS `@media print`) and for readers
/// without scripts. Leaflet is inlined from `LeafletAssets`; without them the page says so and shows the
/// static map only. The page loads nothing: the map has no tiles, only a plain background.
public struct InteractiveMap: Sendable {
    public var layers: [InteractiveLayer]
    /// The static SVG map.
    public var svg: String
    /// Leaflet, or `nil` when `libjs-leaflet` is not installed.
    public var assets: LeafletAssets?

    public init(layers: [InteractiveLayer], svg: String, assets: LeafletAssets?) {
        self.layers = layers
        self.svg = svg
        self.assets = assets
    }

    /// The id of the `<script type="application/json">` element holding the layers.
    public static let dataElement = "hazmap-map-data"

    /// The section's HTML.
    public func html() -> String {
        let staticMap = "<div class=\"map-static\">\(svg)</div>"
        guard let assets else {
            return "<p class=\"note\">Interactive map: not in this report — Leaflet was not found in "
                + "\(Markup.escape(LeafletAssets.debianFolder)) (install Debian's libjs-leaflet package); "
                + "the static map follows.</p>" + staticMap
        }
        let data = "{\"layers\":[" + layers.map(\.json).joined(separator: ",\n") + "]}"
        let version = assets.version.map { " \(Markup.escape($0))" } ?? ""
        return "<style>" + assets.css + InteractiveMapScript.css + "</style>\n"
            + "<script>" + InteractiveMapScript.errorCollector + "</script>\n"
            + "<div class=\"map-interactive\"><div id=\"hazmap-map\" role=\"application\" "
            + "aria-label=\"Interactive map of remaining contamination\"></div>"
            + "<p class=\"map-help\">Drag to pan, scroll or use + and − to zoom; hover over a shape for its name, click "
            + "it for its details; switch layers on and off at the top right. Map drawn with Leaflet\(version) "
            + "(inlined from Debian's libjs-leaflet), no background tiles: the page loads nothing.</p></div>\n"
            + staticMap + "\n"
            + "<script type=\"application/json\" id=\"\(Self.dataElement)\">" + data + "</script>\n"
            + "<script>" + assets.script + "</script>\n"
            + "<script>" + InteractiveMapScript.script + "</script>"
    }
}
