/// QGIS layer styles (QML documents) drawn with the map's `MapStyle`s, for the GeoPackage's
/// `layer_styles` table (`LayerStyles`), so the layers open in QGIS looking as they do on the report's map.
///
/// Symbol layer properties are written both as QGIS ≥ 3.26 writes them (`<Option type="Map">`) and as
/// older versions do (`<prop k= v=>`); colours are `r,g,b,alpha` (0–255); widths are in millimetres
/// (a map pixel is 0.26 mm, QGIS's default line width).
public enum QMLStyle {
    /// The kind of symbol a layer's geometries take.
    public enum SymbolKind: String, Sendable {
        case fill, line, marker

        /// QGIS's `layerGeometryType`: 0 point, 1 line, 2 polygon.
        var geometryType: Int {
            switch self {
            case .marker: 0
            case .line: 1
            case .fill: 2
            }
        }
    }

    /// One category of a categorised renderer: features whose `attribute` equals `value`.
    public struct Category: Sendable {
        public var value: String
        public var label: String
        public var style: MapStyle

        public init(value: String, label: String, style: MapStyle) {
            self.value = value
            self.label = label
            self.style = style
        }
    }

    /// Millimetres per map pixel.
    static let millimetresPerPixel = 0.26

    /// A QML document: features drawn by category of `attribute` (or all alike with `single` when
    /// `categories` is empty), optionally labelled with the values of `labelField`.
    public static func document(kind: SymbolKind, attribute: String? = nil, categories: [Category] = [],
                                single: MapStyle? = nil, labelField: String? = nil) -> String {
        var renderer: String
        if let attribute, !categories.isEmpty {
            renderer = "<renderer-v2 type=\"categorizedSymbol\" attr=\"\(Markup.escape(attribute))\" symbollevels=\"0\" "
                + "enableorderby=\"0\" forceraster=\"0\"><categories>"
            for (index, category) in categories.enumerated() {
                renderer += "<category value=\"\(Markup.escape(category.value))\" symbol=\"\(index)\" "
                    + "label=\"\(Markup.escape(category.label))\" render=\"true\"/>"
            }
            renderer += "</categories><symbols>"
            for (index, category) in categories.enumerated() { renderer += symbol(String(index), kind, category.style) }
            renderer += "</symbols></renderer-v2>"
        } else {
            renderer = "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><symbols>"
                + symbol("0", kind, single ?? categories.first?.style ?? .region) + "</symbols></renderer-v2>"
        }
        var qml = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            + "<qgis version=\"3.28.0\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"\(labelField == nil ? 0 : 1)\">"
            + renderer
        if let labelField { qml += labeling(labelField) }
        return qml + "<layerGeometryType>\(kind.geometryType)</layerGeometryType></qgis>\n"
    }

    /// `#rrggbb` and an opacity as QGIS's `r,g,b,alpha`.
    public static func color(_ hex: String, opacity: Double = 1) -> String {
        let digits = Array(hex.dropFirst())
        func channel(_ at: Int) -> Int {
            guard digits.count == 6 else { return 0 }
            return Int(String(digits[at..<at + 2]), radix: 16) ?? 0
        }
        let alpha = Int((max(0, min(1, opacity)) * 255).rounded())
        return "\(channel(0)),\(channel(2)),\(channel(4)),\(alpha)"
    }

    private static func symbol(_ name: String, _ kind: SymbolKind, _ style: MapStyle) -> String {
        let width = Markup.number(style.strokeWidth * millimetresPerPixel, decimals: 3)
        let properties: [(String, String)]
        let layerClass: String
        switch kind {
        case .fill:
            layerClass = "SimpleFill"
            properties = [
                ("color", color(style.fill ?? style.stroke, opacity: style.fill == nil ? 0 : style.fillOpacity)),
                ("style", style.fill == nil || style.fillOpacity == 0 ? "no" : "solid"),
                ("outline_color", color(style.stroke)), ("outline_style", "solid"), ("outline_width", width),
                ("outline_width_unit", "MM"), ("joinstyle", "round"),
            ]
        case .line:
            layerClass = "SimpleLine"
            properties = [("line_color", color(style.stroke)), ("line_style", "solid"), ("line_width", width),
                          ("line_width_unit", "MM"), ("capstyle", "round"), ("joinstyle", "round")]
        case .marker:
            layerClass = "SimpleMarker"
            properties = [("name", "circle"), ("color", color(style.fill ?? style.stroke, opacity: style.fillOpacity)),
                          ("outline_color", color(style.stroke)), ("outline_style", "solid"),
                          ("outline_width", width), ("outline_width_unit", "MM"), ("size", "2.6"), ("size_unit", "MM")]
        }
        var xml = "<symbol type=\"\(kind.rawValue)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
            + "<layer class=\"\(layerClass)\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">"
        for (key, value) in properties {
            xml += "<Option name=\"\(key)\" type=\"QString\" value=\"\(Markup.escape(value))\"/>"
        }
        xml += "</Option>"
        for (key, value) in properties { xml += "<prop k=\"\(key)\" v=\"\(Markup.escape(value))\"/>" }
        return xml + "</layer></symbol>"
    }

    /// Simple labels: the field's value in bold dark grey with a white halo.
    private static func labeling(_ field: String) -> String {
        "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"\(Markup.escape(field))\" "
            + "isExpression=\"0\" fontFamily=\"Sans Serif\" fontSize=\"10\" fontSizeUnit=\"Point\" fontWeight=\"75\" "
            + "textColor=\"51,51,51,255\" textOpacity=\"1\"><text-buffer bufferDraw=\"1\" bufferSize=\"1\" "
            + "bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"1\"/></text-style>"
            + "<placement placement=\"1\" placementFlags=\"10\"/><rendering obstacle=\"1\" scaleVisibility=\"0\"/>"
            + "</settings></labeling>"
    }
}
