import Foundation
import GeometryCore

/// hazmap's one rounding rule for printed figures (terminal tables, report CSVs, summaries), shared by every
/// command: each figure is rounded once, from its exact value (never from another rounded figure), to a
/// fixed number of decimals per unit:
///
/// | unit | decimals | resolution |
/// |---|---|---|
/// | km² | 6 | 1 m² |
/// | ha | 4 | 1 m² |
/// | m² | 1 | 0.1 m² |
/// | km (routes) | 3 | 1 m |
/// | people | 1 | 0.1 person |
///
/// Rounding is to the nearest decimal of the binary value itself (C `%.*f`, correctly rounded), so two
/// commands printing the same `Double` always print the same digits. The HTML report page prints figures as
/// Clearing the Mines does (`FigureStyle.page`): km² to 2 decimals, km to 2, whole people, every number with
/// thousands separators, from the same exact values. JSON and vector outputs carry the exact values.
public enum Figures {
    public static let km2Decimals = 6
    public static let haDecimals = 4
    public static let m2Decimals = 1
    public static let kmDecimals = 3
    public static let peopleDecimals = 1

    /// An area in km², 6 decimals.
    public static func km2(_ area: SquareMeters) -> String { decimal(area.squareKilometers, km2Decimals) }
    /// A value already in km² (exact, not rounded), 6 decimals.
    public static func km2(_ value: Double) -> String { decimal(value, km2Decimals) }
    /// An area in hectares, 4 decimals.
    public static func ha(_ area: SquareMeters) -> String { decimal(area.hectares, haDecimals) }
    /// A value already in hectares, 4 decimals.
    public static func ha(_ value: Double) -> String { decimal(value, haDecimals) }
    /// An area in m², 1 decimal.
    public static func m2(_ area: SquareMeters) -> String { decimal(area.value, m2Decimals) }
    /// A value already in m², 1 decimal.
    public static func m2(_ value: Double) -> String { decimal(value, m2Decimals) }
    /// A length in km, 3 decimals.
    public static func km(_ length: Meters) -> String { decimal(length.kilometers, kmDecimals) }
    /// A value already in km, 3 decimals.
    public static func km(_ value: Double) -> String { decimal(value, kmDecimals) }
    /// A number of people, 1 decimal (exact cell fractions give fractional people).
    public static func people(_ value: Double) -> String { decimal(value, peopleDecimals) }

    /// `value` rounded as `decimal` does, with a comma between each group of three digits before the point:
    /// `1234567.891` to 2 decimals is `1,234,567.89`.
    public static func grouped(_ value: Double, _ decimals: Int) -> String {
        let text = decimal(value, decimals)
        guard value.isFinite else { return text }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let whole = unsigned.prefix { $0 != "." }
        let fraction = unsigned.dropFirst(whole.count)
        var digits = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { digits += "," }
            digits.append(digit)
        }
        return (negative ? "-" : "") + digits + fraction
    }

    /// A count with thousands separators: `12,345`.
    public static func count(_ value: Int) -> String { grouped(Double(value), 0) }

    /// `value` with exactly `decimals` digits after the point, correctly rounded from the binary value
    /// (`%.*f`); never in exponent form; `-0.000` is written `0.000`. NaN and infinities as `nan`, `inf`, `-inf`.
    public static func decimal(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let text = FixedDecimal.text(value, decimals: max(0, decimals))
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }
}
