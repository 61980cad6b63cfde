/// Names among `candidates` that look like `name`, ignoring case: an edit distance of at most a third of the
/// name's length (at least 2), or one containing the other. The closest first, at most `limit`.
public func closeMatches(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
    let target = Array(name.lowercased())
    let threshold = max(2, target.count / 3)
    var scored: [(distance: Int, name: String)] = []
    for candidate in candidates {
        let lowered = candidate.lowercased()
        let distance = editDistance(target, Array(lowered))
        let contains = target.count >= 3 && lowered.count >= 3
            && (lowered.contains(String(target)) || String(target).contains(lowered))
        if distance <= threshold || contains { scored.append((distance, candidate)) }
    }
    scored.sort { ($0.distance, $0.name) < ($1.distance, $1.name) }
    return scored.prefix(limit).map(\.name)
}

/// The Levenshtein distance between two character sequences.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// `; did you mean 'x' or 'y'?`, or nothing when there is no close match.
public func didYouMean(_ name: String, among candidates: [String]) -> String {
    let matches = closeMatches(to: name, among: candidates)
    guard !matches.isEmpty else { return "" }
    return "; did you mean " + matches.map { "'\($0)'" }.joined(separator: " or ") + "?"
}
