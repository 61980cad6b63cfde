/// Spreads a fixed number of planted problems evenly, with random jitter, over a run of features,
/// so that even a small scenario gets at least one of each and a large one gets the stated rate.
struct PlantingSchedule {
    private let total: Int
    private let count: Int
    private var planted = 0
    private var nextPosition: Int
    private var random: SplitMix64
    /// Problems due at earlier features that could not take them; they go to the next suitable one.
    private(set) var pending = 0

    /// `rate` of `total` features, at least one, drawn from `random`.
    init(rate: Double, of total: Int, random: SplitMix64) {
        self.total = total
        self.count = max(1, Int((Double(total) * rate).rounded()))
        self.random = random
        self.nextPosition = 0
        self.nextPosition = position(of: 0)
    }

    /// Marks the feature at `index` as reached; problems falling due become pending.
    mutating func reach(_ index: Int) {
        while planted < count && nextPosition <= index {
            pending += 1
            planted += 1
            nextPosition = position(of: planted)
        }
    }

    /// Takes one pending problem, if any.
    mutating func take() -> Bool {
        guard pending > 0 else { return false }
        pending -= 1
        return true
    }

    private mutating func position(of ordinal: Int) -> Int {
        let width = Double(total) / Double(count)
        return Int((Double(ordinal) + random.unit()) * width)
    }
}
