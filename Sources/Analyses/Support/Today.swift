import Foundation
import GeoIO
import HazmapValues

extension CalendarDate {
    /// Today's date in UTC.
    public static var today: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
