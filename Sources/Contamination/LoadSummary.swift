import HazmapValues

/// What happened to the features of one source: read, kept, repaired, and left out with the reasons.
public struct LoadSummary: Sendable, Codable {
    public var file: String
    public var layer: LayerKind
    /// Features read from the source.
    public var read = 0
    /// Records usable in figures (with a usable geometry and the required values).
    public var usable = 0
    /// Features whose geometry was repaired with make-valid and kept.
    public var repaired = 0
    /// Features left out of figures, by the code of the first error that left them out.
    public var leftOut: [String: Int] = [:]
    /// The CRS the coordinates were read in when it is not what the file declares (a `crs` in the
    /// mapping or `--s-srs`), e.g. "read as EPSG:32634 (given), not as the declared WGS 84".
    public var crsNote: String?
    /// The filters that chose the features read (`--where`, `--spat`), when there are any.
    public var filters: String?

    /// A summary of `file` (a connection string's password shown as `***`).
    public init(file: String, layer: LayerKind) {
        self.file = ConnectionString.redacted(file)
        self.layer = layer
    }

    /// The number of features left out.
    public var leftOutCount: Int { leftOut.values.reduce(0, +) }

    /// Whether features were chosen by a filter.
    public var filtered: Bool { filters != nil }

    /// The share of features left out above which every command warns.
    public static let leftOutWarningShare = 0.10

    /// A warning when more than 10% of the features read are left out of figures, else `nil`, such as
    /// `hazards.gpkg: 312 of 2,000 hazards (15.6%) are left out of every figure: 300 unknown-value, …`.
    public var leftOutWarning: String? {
        guard read > 0, Double(leftOutCount) > Self.leftOutWarningShare * Double(read) else { return nil }
        let share = (Double(leftOutCount) / Double(read) * 1_000).rounded() / 10
        let reasons = leftOut.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\(grouped($0.value)) \($0.key)" }.joined(separator: ", ")
        return "\(file): \(grouped(leftOutCount)) of \(grouped(read)) \(layer) (\(share)%) are left out of every "
            + "figure (\(reasons)); run hazmap validate for each feature and its fix"
    }

    /// One line for the terminal, such as `hazards.gpkg: 300 read, 292 usable, 6 repaired, 2 left out (…)`.
    public var line: String {
        var text = "\(file): \(read) \(layer) read, \(usable) usable, \(repaired) repaired"
        if leftOutCount > 0 {
            let reasons = leftOut.keys.sorted().map { "\(leftOut[$0] ?? 0) \($0)" }.joined(separator: ", ")
            text += ", \(leftOutCount) left out (\(reasons))"
        } else {
            text += ", none left out"
        }
        if let filters { text += "; filtered by \(filters)" }
        if let crsNote { text += "; \(crsNote)" }
        return text
    }
}

/// Records read from one source, with every finding about them and a summary.
public struct Loaded<Record: Sendable>: Sendable {
    public var records: [Record]
    public var findings: [Finding]
    public var summary: LoadSummary
    /// Why features were left out, by finding code.
    public var causes = LeftOutCauses()

    public init(records: [Record], findings: [Finding], summary: LoadSummary) {
        self.records = records
        self.findings = findings
        self.summary = summary
    }
}
