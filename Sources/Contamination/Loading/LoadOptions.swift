import GeometryCore

/// How layers are read: the schema mapping, the thresholds for area checks, and the threads to use.
public struct LoadOptions: Sendable {
    public var mapping: SchemaMapping
    public var thresholds: AreaThresholds
    /// Worker threads for mapping and repair; reading itself is sequential and streaming.
    public var threads: Int

    public init(mapping: SchemaMapping = SchemaMapping(), thresholds: AreaThresholds = AreaThresholds(),
                threads: Int = 1) {
        self.mapping = mapping
        self.thresholds = thresholds
        self.threads = max(1, threads)
    }
}

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

    init(file: String, layer: LayerKind) {
        self.file = file
        self.layer = layer
    }

    /// The number of features left out.
    public var leftOutCount: Int { leftOut.values.reduce(0, +) }

    /// One line for the terminal, such as `hazards.gpkg: 300 read, 292 usable, 6 repaired, 2 left out (…)`.
    public var line: String {
        var text = "\(file): \(read) \(layer) read, \(usable) usable, \(repaired) repaired"
        if leftOutCount > 0 {
            let reasons = leftOut.keys.sorted().map { "\(leftOut[$0] ?? 0) \($0)" }.joined(separator: ", ")
            text += ", \(leftOutCount) left out (\(reasons))"
        } else {
            text += ", none left out"
        }
        return text
    }
}

/// Records read from one source, with every finding about them and a summary.
public struct Loaded<Record: Sendable>: Sendable {
    public var records: [Record]
    public var findings: [Finding]
    public var summary: LoadSummary
}
