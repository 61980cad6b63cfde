/// Unique, plausible South-Slavic-style place names for villages and regions.
struct PlaceNames {
    private static let prefixes = ["", "", "", "Gornji ", "Donji ", "Novi ", "Stari ", "Mali ", "Veliki "]
    private static let heads = ["Brez", "Dub", "Grab", "Kamen", "Lipo", "Ravn", "Bistr", "Crn", "Glog", "Jasen",
                                "Kozj", "Lug", "Medv", "Orah", "Polj", "Rak", "Sel", "Topol", "Vrb", "Zabr",
                                "Bukov", "Dren", "Hrast", "Klen", "Mrak", "Pesk", "Sokol", "Trn", "Vis", "Zelen"]
    private static let tails = ["ovo", "ica", "ik", "ane", "ac", "ovci", "ina", "evo", "sko", "njak", "ište", "ani"]

    private var used: Set<String> = []

    /// A name not handed out before.
    mutating func next(using random: inout SplitMix64) -> String {
        let base = random.element(of: PlaceNames.prefixes) + random.element(of: PlaceNames.heads)
            + random.element(of: PlaceNames.tails)
        var name = base
        var suffix = 2
        while used.contains(name) {
            name = "\(base) \(suffix)"
            suffix += 1
        }
        used.insert(name)
        return name
    }
}
