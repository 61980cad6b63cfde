import Analyses
import ArgumentParser
import Contamination
import GeoIO
import HazmapValues
import Loading

// Typed option values: a value that does not parse is a usage error (exit 2) naming the option and the
// value, before any work starts. Values whose parsing can say what is wrong with them (distance lists, survey
// shares, exposure classes) are parsed by `ValueParsers` in the option's `transform`, so the reason follows the
// option's name.

extension CalendarDate: ExpressibleByArgument {
    /// `YYYY-MM-DD`.
    public init?(argument: String) { self.init(parsing: argument) }
}

extension ExtentGrouping: ExpressibleByArgument {
    /// A comma-separated list of `class`, `hazard_type` and `region`.
    public init?(argument: String) { self.init(parsing: argument) }
    public var defaultValueDescription: String {
        ExtentDimension.allCases.filter(dimensions.contains).map(\.rawValue).joined(separator: ",")
    }
}

extension LedgerPeriodLength: ExpressibleByArgument {}
extension RoutePeriod: ExpressibleByArgument {}

/// The `transform` of options whose values can say why they do not parse: ArgumentParser prints the thrown
/// error after the option and the value ("The value '2000km' is invalid for '--distances <distances>':
/// '2000km' is more than 1000 km, the largest distance").
enum ValueParsers {
    /// A comma-separated list such as `500m,1km,5km` (a bare number is metres).
    static func distances(_ text: String) throws -> DistanceList { try DistanceList(parsing: text) }

    /// `cancel=0.5,reduce=0.3`.
    static func surveyShares(_ text: String) throws -> SurveyShares { try SurveyShares(parsing: text) }

    /// A comma-separated list of exposure classes such as `all` or `cha,sha` (any case).
    static func exposureClasses(_ text: String) throws -> Set<ExposureClass> {
        guard let classes = ExposureClass.list(text) else {
            throw ValidationError("'\(text)' is not a comma-separated list of all, cha, sha")
        }
        return classes
    }
}
