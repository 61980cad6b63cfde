/// One hazard's place in a priority ranking, with the values that put it there.
public struct RankedHazard: Sendable, Equatable {
    /// The hazard's position in the inputs the ranking was made from.
    public var index: Int
    public var id: String
    /// Per criterion: the measured value, or `nil` when the hazard has none.
    public var raw: [Double?]
    /// Per criterion: the normalised value in [0, 1], direction applied (1 = most urgent); 0 without a value.
    public var normalised: [Double]
    /// Σ wᵢ·normᵢ / Σ wᵢ, in [0, 1].
    public var score: Double
    /// 1 for the highest score; ties are broken by id.
    public var rank: Int
}

/// Hazards scored and ranked by weighted, normalised criteria.
public struct Ranking: Sendable {
    public var criteria: [Criterion]
    /// Every hazard, in rank order.
    public var entries: [RankedHazard]

    /// Normalises the raw values and ranks the hazards.
    ///
    /// Every score is finite and in [0, 1] whatever the numbers: a raw value that is not finite counts as no
    /// value (`CriterionValues` refuses them before), spans too wide for a `Double` are normalised in halves, and
    /// weights (finite and ≥ 0, as `CriteriaFile` checks) are divided by the largest before they are summed.
    ///
    /// - Parameters:
    ///   - ids: the hazards' ids, in input order.
    ///   - raw: `raw[hazard][criterion]`, as `CriterionValues` measures them.
    public init(ids: [String], raw: [[Double?]], criteria: [Criterion]) {
        precondition(raw.count == ids.count && raw.allSatisfy { $0.count == criteria.count },
                     "one raw value per hazard and criterion")
        self.criteria = criteria
        let normalised = Self.normalise(raw, criteria: criteria)
        let weights = criteria.map(\.weight)
        entries = Self.order(ids: ids, scores: Self.scores(normalised, weights: weights)).enumerated().map {
            RankedHazard(index: $0.element, id: ids[$0.element], raw: raw[$0.element],
                         normalised: normalised[$0.element],
                         score: Self.score(normalised[$0.element], weights: weights), rank: $0.offset + 1)
        }
    }

    /// `normalised[hazard][criterion]` for every criterion, each normalised over all hazards.
    static func normalise(_ raw: [[Double?]], criteria: [Criterion]) -> [[Double]] {
        var result = raw.map { _ in [Double](repeating: 0, count: criteria.count) }
        for (column, criterion) in criteria.enumerated() {
            let values = raw.map { $0[column].flatMap { $0.isFinite ? $0 : nil } }
            let normal = criterion.normalisation == .minMax ? minMax(values) : ranks(values)
            for (row, value) in normal.enumerated() {
                guard let value else { continue }
                result[row][column] = criterion.direction == .higher ? value : 1 - value
            }
        }
        return result
    }

    /// (x − min) / (max − min), clamped to [0, 1]; 1 when every value is equal. Finite values only; a span
    /// that overflows (from −10³⁰⁸ to 10³⁰⁸) is computed on halves.
    static func minMax(_ values: [Double?]) -> [Double?] {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return values }
        let halves = !(high - low).isFinite
        return values.map { value in
            value.map { x in
                guard high > low else { return 1 }
                let ratio = halves ? (x / 2 - low / 2) / (high / 2 - low / 2) : (x - low) / (high - low)
                return min(1, max(0, ratio))
            }
        }
    }

    /// (rank − 1) / (n − 1), ranks from the smallest, ties sharing their mean rank; 1 when n = 1.
    static func ranks(_ values: [Double?]) -> [Double?] {
        let present = values.enumerated().compactMap { item in item.element.map { (item.offset, $0) } }
            .sorted { $0.1 < $1.1 }
        var result = [Double?](repeating: nil, count: values.count)
        guard present.count > 1 else {
            for item in present { result[item.0] = 1 }
            return result
        }
        var start = 0
        while start < present.count {
            var end = start
            while end + 1 < present.count, present[end + 1].1 == present[start].1 { end += 1 }
            let meanRank = Double(start + end) / 2
            for position in start...end { result[present[position].0] = meanRank / Double(present.count - 1) }
            start = end + 1
        }
        return result
    }

    /// Σ wᵢ·normᵢ / Σ wᵢ, with the weights divided by the largest first so that the sums stay finite; 0 when no
    /// weight is positive. Clamped to [0, 1] against rounding.
    static func score(_ normalised: [Double], weights: [Double]) -> Double {
        let largest = weights.filter { $0.isFinite }.max() ?? 0
        guard largest > 0 else { return 0 }
        let scaled = weights.map { $0.isFinite && $0 > 0 ? $0 / largest : 0 }
        let total = scaled.reduce(0, +)
        return min(1, max(0, zip(normalised, scaled).reduce(0) { $0 + $1.0 * $1.1 } / total))
    }

    static func scores(_ normalised: [[Double]], weights: [Double]) -> [Double] {
        normalised.map { score($0, weights: weights) }
    }

    /// Hazard indices by descending score, ties by ascending id.
    static func order(ids: [String], scores: [Double]) -> [Int] {
        ids.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : ids[$0] < ids[$1] }
    }
}

/// How the top of a ranking changes when one weight moves.
public struct SensitivityCase: Sendable, Equatable, Codable {
    /// The criterion whose weight moved.
    public var criterion: String
    /// The factor applied to its weight, e.g. 0.8 or 1.2.
    public var factor: Double
    /// Ids that enter the top N, in their new rank order.
    public var entered: [String]
    /// Ids that leave the top N, in their old rank order.
    public var left: [String]
}

extension Ranking {
    /// Moves each weight by each factor (others unchanged) and reports how the top `top` ids change.
    public func sensitivity(top: Int, factors: [Double] = [0.8, 1.2]) -> [SensitivityCase] {
        let byIndex = entries.sorted { $0.index < $1.index }
        let ids = byIndex.map(\.id), normalised = byIndex.map(\.normalised)
        let baseline = entries.prefix(top).map(\.id)
        var cases: [SensitivityCase] = []
        for (position, criterion) in criteria.enumerated() {
            for factor in factors {
                var weights = criteria.map(\.weight)
                weights[position] *= factor
                let order = Self.order(ids: ids, scores: Self.scores(normalised, weights: weights))
                let moved = order.prefix(top).map { ids[$0] }
                cases.append(SensitivityCase(
                    criterion: criterion.name, factor: factor, entered: moved.filter { !baseline.contains($0) },
                    left: baseline.filter { !moved.contains($0) }))
            }
        }
        return cases
    }
}
