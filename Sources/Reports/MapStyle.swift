import Contamination

/// How a map layer is drawn: colours (`#rrggbb`), fill opacity and outline width in pixels.
///
/// One style serves the three pictures of a layer: the static SVG map, the interactive map (its
/// GeoJSON carries the style) and the GeoPackage's QGIS style (`QMLStyle`), so the three agree.
public struct MapStyle: Sendable, Equatable {
    public var fill: String?
    public var fillOpacity: Double
    public var stroke: String
    public var strokeWidth: Double

    public init(fill: String?, fillOpacity: Double = 1, stroke: String, strokeWidth: Double = 0.5) {
        self.fill = fill
        self.fillOpacity = fillOpacity
        self.stroke = stroke
        self.strokeWidth = strokeWidth
    }
}

extension MapStyle {
    /// Remaining confirmed hazardous area.
    public static let remainingCHA = MapStyle(fill: ReportColors.cha, fillOpacity: 0.9, stroke: "#7f1b10", strokeWidth: 0.5)
    /// Remaining suspected hazardous area.
    public static let remainingSHA = MapStyle(fill: ReportColors.sha, fillOpacity: 0.9, stroke: "#c0681b", strokeWidth: 0.5)
    /// Region outlines.
    public static let region = MapStyle(fill: nil, stroke: ReportColors.region, strokeWidth: 1.2)
    /// Ranked hazards: a numbered marker (fill) with a white number and outline.
    public static let priority = MapStyle(fill: "#111111", stroke: "#ffffff", strokeWidth: 1.5)

    /// The remaining contamination of a class.
    public static func remaining(_ hazardClass: HazardClass) -> MapStyle {
        hazardClass == .cha ? remainingCHA : remainingSHA
    }

    /// Land released by a method.
    public static func released(_ method: ReleaseMethod) -> MapStyle {
        let color = switch method {
        case .cancelled: ReportColors.cancelled
        case .reduced: ReportColors.reduced
        case .cleared: ReportColors.cleared
        }
        return MapStyle(fill: color, fillOpacity: 0.9, stroke: color, strokeWidth: 0.4)
    }

    /// A hazard's own polygon: an outline in its class's colour over the remaining and released land,
    /// with a clear fill (so it can be clicked anywhere inside).
    public static func hazard(_ hazardClass: HazardClass?) -> MapStyle {
        let stroke = switch hazardClass {
        case .cha: "#7f1b10"
        case .sha: "#a0521b"
        case nil: "#555555"
        }
        return MapStyle(fill: stroke, fillOpacity: 0, stroke: stroke, strokeWidth: 1)
    }

    /// A stretch of route by its status at the last period end.
    public static func route(_ status: RouteStatus) -> MapStyle {
        let color = switch status {
        case .unverified: ReportColors.route
        case .verified: "#b2abd2"
        case .cleared: "#1b7837"
        }
        return MapStyle(fill: nil, stroke: color, strokeWidth: 2)
    }

    /// A finding's point by severity (yellow for warnings, apart from the SHA orange).
    public static func finding(_ severity: Severity) -> MapStyle {
        switch severity {
        case .error: MapStyle(fill: "#b2182b", fillOpacity: 0.9, stroke: "#ffffff", strokeWidth: 1)
        case .warning: MapStyle(fill: "#ffd92f", fillOpacity: 0.9, stroke: "#6b5800", strokeWidth: 1)
        case .info: MapStyle(fill: "#4d4d4d", fillOpacity: 0.9, stroke: "#ffffff", strokeWidth: 1)
        }
    }
}
