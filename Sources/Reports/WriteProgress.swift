/// How a report's writing shows progress: `begin` receives the number of steps once the layers are laid out (one
/// per feature in each GeoJSON file, one per feature in report.gpkg, one for the page), then `advance` is called
/// as they are written, from the writing threads.
public struct WriteProgress: Sendable {
    public var begin: @Sendable (Int) -> Void
    public var advance: @Sendable (Int) -> Void

    public init(begin: @escaping @Sendable (Int) -> Void, advance: @escaping @Sendable (Int) -> Void) {
        self.begin = begin
        self.advance = advance
    }

    /// The progress phase of writing a report.
    public static let phase = "writing the report"

    /// Shows nothing.
    public static let none = WriteProgress(begin: { _ in }, advance: { _ in })

    /// The steps of writing `layers` and the page.
    static func steps(_ layers: [ReportLayer]) -> Int {
        2 * layers.reduce(0) { $0 + $1.features.count } + 1
    }
}
