import Analyses
import ArgumentParser
import Contamination
import GeoIO
import HazmapValues
import Loading

// Typed option values: a value that does not parse is a usage error (exit 2) naming the option and the
// value, before any work starts.

extension CalendarDate: ExpressibleByArgument {
    /// `YYYY-MM-DD`.
    public init?(argument: String) { self.init(parsing: argument) }
}

extension DistanceList: ExpressibleByArgument {
    /// A comma-separated list such as `500m,1km,5km` (a bare number is metres).
    public init?(argument: String) { try? self.init(parsing: argument) }
    public var defaultValueDescription: String { text }
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

extension SurveyShares: ExpressibleByArgument {
    /// `cancel=0.5,reduce=0.3`.
    public init?(argument: String) { try? self.init(parsing: argument) }
}
