/// Why features of a layer were left out of figures: for each finding code, how many features, the most
/// common messages, and the first feature as an example. Bounded in size whatever the layer's size.
public struct LeftOutCauses: Sendable {
    /// One cause: a finding code, with counts.
    public struct Cause: Sendable {
        public var code: String
        public var count = 0
        /// The first finding of this code that left a feature out.
        public var example: Finding?
        /// Message → count, for at most `messageLimit` distinct messages.
        public var messages: [String: Int] = [:]
    }

    static let messageLimit = 32
    public private(set) var causes: [String: Cause] = [:]

    /// No cause yet.
    public init() {}

    /// Counts a feature left out because of `finding` (or for `code` when there is no finding).
    public mutating func add(code: String, finding: Finding?) {
        var cause = causes[code] ?? Cause(code: code)
        cause.count += 1
        if cause.example == nil { cause.example = finding }
        if let message = finding?.message,
           cause.messages[message] != nil || cause.messages.count < Self.messageLimit {
            cause.messages[message, default: 0] += 1
        }
        causes[code] = cause
    }

    /// The causes, most frequent first (then by code).
    public var sorted: [Cause] {
        causes.values.sorted { ($0.count, $1.code) > ($1.count, $0.code) }
    }
}

/// A layer none of whose features can be used: every figure would rest on nothing.
public struct UnusableLayerError: Error, Sendable, CustomStringConvertible {
    public var summary: LoadSummary
    public var causes: LeftOutCauses
    /// Why coordinates may be wrong: what the file declares about its CRS, and how to override it.
    public var crsHint: String

    public init(summary: LoadSummary, causes: LeftOutCauses, crsHint: String) {
        self.summary = summary
        self.causes = causes
        self.crsHint = crsHint
    }

    /// `hazards.geojson: none of the 2,000 hazards read is usable; …` and one line per cause with its count, the
    /// commonest messages, an example feature and the fix.
    public var description: String {
        let layer = summary.layer.rawValue
        guard summary.read > 0 else {
            return "\(summary.file): the \(layer) layer holds no features"
                + (summary.filtered ? " that the filters (--where, --spat) select" : "")
                + "; every figure would rest on nothing"
        }
        let none = summary.read == 1 ? "the only feature of the \(layer) layer is not usable"
            : "none of the \(grouped(summary.read)) \(layer) read is usable"
        var lines = ["\(summary.file): \(none); every figure would rest on nothing. "
                     + (causes.causes.count == 1 ? "Cause:" : "Causes:")]
        for cause in causes.sorted {
            var line = "  \(grouped(cause.count)) left out by \(cause.code)"
            let repeated = cause.messages.filter { $0.value > 1 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            if !repeated.isEmpty {
                line += ": " + repeated.prefix(3).map { "\(grouped($0.value)) × \($0.key)" }.joined(separator: "; ")
            } else if let example = cause.example {
                line += ", e.g. feature \(example.featureIndex.map(String.init) ?? "?")"
                    + (example.id.map { " (id \($0))" } ?? "") + ": \(example.message)"
            }
            if cause.code == FindingCode.coordinatesOutOfRange.rawValue
                || cause.code == FindingCode.swappedCoordinates.rawValue {
                line += " [\(crsHint)]"
            } else if let fix = cause.example?.fix {
                line += " — fix: \(fix)"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// `12,345`.
func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
        result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
}
