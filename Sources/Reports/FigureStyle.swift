import GeometryCore

/// How the report's tables print their figures: for the page (as Clearing the Mines prints them) or for
/// the CSV files beside it (exact to the square metre, no separators, so spreadsheets read them as numbers).
///
/// | figure | page | file |
/// |---|---|---|
/// | km² | 2 decimals, `1,234.57` | 6 decimals |
/// | km (routes) | 2 decimals | 6 decimals |
/// | people | whole, `12,346` | 6 decimals |
/// | counts | `12,345` | `12345` |
/// | scores | 4 decimals | 6 decimals |
public enum FigureStyle: Sendable, Equatable {
    case page
    case file

    /// The decimals km² are printed with on the page (the hundredth of a km²: one hectare).
    public static let pageKm2Decimals = 2

    /// An area in km².
    public func km2(_ area: SquareMeters) -> String { km2(area.squareKilometers) }

    /// A value already in km² (exact).
    public func km2(_ value: Double) -> String {
        self == .page ? Figures.grouped(value, Self.pageKm2Decimals) : Figures.decimal(value, 6)
    }

    /// A length in km.
    public func km(_ length: Meters) -> String { km(length.kilometers) }

    /// A value already in km.
    public func km(_ value: Double) -> String {
        self == .page ? Figures.grouped(value, 2) : Figures.decimal(value, 6)
    }

    /// A number of people: whole on the page (exact cell fractions give fractional people).
    public func people(_ value: Double) -> String {
        self == .page ? Figures.grouped(value, 0) : Figures.decimal(value, 6)
    }

    /// A count.
    public func count(_ value: Int) -> String {
        self == .page ? Figures.count(value) : String(value)
    }

    /// A dimensionless value (a score, a criterion's raw value) to `decimals` on the page, 6 in files.
    public func plain(_ value: Double, _ decimals: Int) -> String {
        self == .page ? Figures.grouped(value, decimals) : Figures.decimal(value, 6)
    }
}
