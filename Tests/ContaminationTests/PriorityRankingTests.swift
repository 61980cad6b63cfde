import Contamination
import Testing

/// Scores and ranks worked by hand from known criterion values.
@Suite("Priority ranking")
struct PriorityRankingTests {
    /// A (weight 2, higher) and B (weight 1.5, lower), both min-max:
    /// raw A = 10, 20, 30 → norm 0, 0.5, 1; raw B = 5, 15, 10 → min-max 0, 1, 0.5 → lower: 1, 0, 0.5.
    static func criteria(weightB: Double) -> [Criterion] {
        [Criterion(name: "a", kind: .remainingArea, weight: 2),
         Criterion(name: "b", kind: .attribute(field: "b"), weight: weightB, direction: .lower)]
    }

    static let ids = ["h1", "h2", "h3"]
    static let raw: [[Double?]] = [[10, 5], [20, 15], [30, 10]]

    @Test func threeHazardsScoresAndRanks() {
        let ranking = Ranking(ids: Self.ids, raw: Self.raw, criteria: Self.criteria(weightB: 1.5))
        // h1 = (2·0 + 1.5·1)/3.5, h2 = (2·0.5 + 1.5·0)/3.5, h3 = (2·1 + 1.5·0.5)/3.5.
        let expected: [String: (score: Double, rank: Int)] = [
            "h3": (2.75 / 3.5, 1), "h1": (1.5 / 3.5, 2), "h2": (1.0 / 3.5, 3),
        ]
        #expect(ranking.entries.map(\.id) == ["h3", "h1", "h2"])
        for entry in ranking.entries {
            let want = expected[entry.id]
            #expect(abs(entry.score - (want?.score ?? -1)) < 1e-12)
            #expect(entry.rank == want?.rank)
        }
        let h2 = ranking.entries.first { $0.id == "h2" }
        #expect(h2?.normalised == [0.5, 0])
        #expect(h2?.raw == [20, 15])
    }

    @Test func lowerWeightSwapsTwoRanks() {
        // B at 0.5: h1 = 0.5/2.5 = 0.2, h2 = 1/2.5 = 0.4, h3 = 2.25/2.5 = 0.9 → h1 and h2 swap.
        let ranking = Ranking(ids: Self.ids, raw: Self.raw, criteria: Self.criteria(weightB: 0.5))
        #expect(ranking.entries.map(\.id) == ["h3", "h2", "h1"])
        #expect(abs(ranking.entries[1].score - 0.4) < 1e-12)
        #expect(abs(ranking.entries[2].score - 0.2) < 1e-12)
    }

    @Test func sensitivityReportsEnteredAndLeft() {
        // With w_B = 1.1 the top 2 is h3, h1: h1 = 1.1/3.1 = 0.355, h2 = 1/3.1 = 0.323.
        // B × 0.8 (0.88): h1 = 0.88/2.88 = 0.306 < h2 = 1/2.88 = 0.347 → h2 enters, h1 leaves.
        // A × 1.2 (2.4):  h1 = 1.1/3.5 = 0.314 < h2 = 1.2/3.5 = 0.343 → h2 enters, h1 leaves.
        // A × 0.8 (1.6):  h1 = 1.1/2.7 = 0.407 > h2 = 0.8/2.7 = 0.296; B × 1.2: h1 gains: no change.
        let ranking = Ranking(ids: Self.ids, raw: Self.raw, criteria: Self.criteria(weightB: 1.1))
        let cases = ranking.sensitivity(top: 2)
        #expect(cases.map(\.criterion) == ["a", "a", "b", "b"])
        #expect(cases.map(\.factor) == [0.8, 1.2, 0.8, 1.2])
        #expect(cases.map(\.entered) == [[], ["h2"], ["h2"], []])
        #expect(cases.map(\.left) == [[], ["h1"], ["h1"], []])
    }

    @Test func rankNormalisationSharesTies() {
        let criterion = [Criterion(name: "r", kind: .remainingArea, weight: 1, normalisation: .rank)]
        let ranking = Ranking(ids: ["a", "b", "c", "d", "e"], raw: [[1], [2], [2], [3], [nil]], criteria: criterion)
        let byId = Dictionary(uniqueKeysWithValues: ranking.entries.map { ($0.id, $0.normalised[0]) })
        // Ranks from the smallest: 1, 2.5, 2.5, 4 → (rank − 1)/(n − 1) with n = 4; no value → 0.
        #expect(byId == ["a": 0, "b": 0.5, "c": 0.5, "d": 1, "e": 0])
    }

    @Test func equalValuesNormaliseToOne() {
        let criterion = [Criterion(name: "c", kind: .remainingArea, weight: 1)]
        let ranking = Ranking(ids: ["x", "y"], raw: [[7], [7]], criteria: criterion)
        #expect(ranking.entries.map(\.normalised) == [[1], [1]])
        #expect(ranking.entries.map(\.id) == ["x", "y"])
    }
}
