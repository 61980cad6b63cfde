import Contamination
import GeometryCore

/// Parses `--spat` rectangles: four numbers, separated by commas or spaces.
enum SpatialFilterText {
    /// The rectangle of `[xmin, ymin, xmax, ymax]`, or `nil` unless there are four finite numbers with
    /// xmin < xmax and ymin < ymax.
    static func bounds(_ numbers: [Double]) -> Bounds? {
        guard numbers.count == 4, numbers.allSatisfy(\.isFinite), numbers[0] < numbers[2], numbers[1] < numbers[3]
        else { return nil }
        return Bounds(minX: numbers[0], minY: numbers[1], maxX: numbers[2], maxY: numbers[3])
    }

    /// The rectangle written as `xmin ymin xmax ymax` or `xmin,ymin,xmax,ymax`.
    static func bounds(_ text: String) -> Bounds? {
        let words = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
        let numbers = words.compactMap { Double($0) }
        return numbers.count == words.count ? bounds(numbers) : nil
    }
}

extension SchemaMapping {
    /// The per-layer options of a command, as given on the command line. Each `where`, `spat` and
    /// `sourceCRS` entry may start with `LAYER:` (e.g. `releases:method <> 3`); without it, it applies to
    /// the command's primary layer. `constants` are `[LAYER.]FIELD=VALUE`, as `--field`.
    public struct LayerOptions: Sendable {
        public var constants: [String] = []
        public var filters: [String] = []
        public var spatialFilters: [String] = []
        public var sourceCRSs: [String] = []
        /// The rule for year-only and year-month dates, for every layer.
        public var partialDates: PartialDateRule?

        public init(constants: [String] = [], filters: [String] = [], spatialFilters: [String] = [],
                    sourceCRSs: [String] = [], partialDates: PartialDateRule? = nil) {
            self.constants = constants
            self.filters = filters
            self.spatialFilters = spatialFilters
            self.sourceCRSs = sourceCRSs
            self.partialDates = partialDates
        }

        /// Whether no option was given.
        public var isEmpty: Bool {
            constants.isEmpty && filters.isEmpty && spatialFilters.isEmpty && sourceCRSs.isEmpty && partialDates == nil
        }
    }

    /// The syntax of the per-layer options, for help texts.
    public static let layerOptionSyntax = """
        --set [LAYER.]FIELD=VALUE        e.g. --set class=SHA
        --where [LAYER:]OGR_SQL          e.g. --where 'releases:method <> 3'
        --spat [LAYER:]XMIN,YMIN,XMAX,YMAX   e.g. --spat 20.1,44.0,20.5,44.3
        --s-srs [LAYER:]CRS              e.g. --s-srs EPSG:32634
        """

    /// Builds a mapping holding only the per-layer options; lay it over a file's with `merging(_:)`.
    /// - Throws: `MappingError` naming the option and the text given.
    public init(layerOptions options: LayerOptions, primaryLayer: LayerKind) throws(MappingError) {
        self.init()
        for option in options.constants {
            let (layer, field, value) = try Self.parseConstantOption(option, primaryLayer: primaryLayer)
            self[layer].constants[field] = value
        }
        for option in options.filters {
            let (layer, filter) = Self.splitLayerPrefix(option, primaryLayer: primaryLayer)
            guard !filter.trimmingBlanks().isEmpty else {
                throw MappingError(source: "--where", message: "'\(option)': no OGR SQL filter")
            }
            self[layer].filter = filter
        }
        for option in options.spatialFilters {
            let (layer, text) = Self.splitLayerPrefix(option, primaryLayer: primaryLayer)
            guard let box = SpatialFilterText.bounds(text) else {
                throw MappingError(source: "--spat", message: "'\(option)': expected [LAYER:]XMIN,YMIN,XMAX,YMAX "
                                   + "(four numbers, xmin < xmax, ymin < ymax, in the layer's coordinates)")
            }
            self[layer].spatialFilter = box
        }
        for option in options.sourceCRSs {
            let (layer, crs) = Self.splitLayerPrefix(option, primaryLayer: primaryLayer)
            guard !crs.trimmingBlanks().isEmpty else {
                throw MappingError(source: "--s-srs", message: "'\(option)': no CRS, e.g. --s-srs EPSG:32634")
            }
            self[layer].crs = crs.trimmingBlanks()
        }
        if let rule = options.partialDates {
            for layer in LayerKind.allCases { self[layer].partialDates = rule }
        }
    }

    /// `LAYER:rest` when the text starts with a layer name and a colon; else the primary layer and the text.
    static func splitLayerPrefix(_ text: String, primaryLayer: LayerKind) -> (LayerKind, String) {
        guard let colon = text.firstIndex(of: ":"),
              let layer = LayerKind(rawValue: String(text[..<colon]).trimmingBlanks()) else {
            return (primaryLayer, text)
        }
        return (layer, String(text[text.index(after: colon)...]))
    }

    private static func parseConstantOption(
        _ option: String, primaryLayer: LayerKind
    ) throws(MappingError) -> (LayerKind, String, String) {
        guard let equals = option.firstIndex(of: "=") else {
            throw MappingError(source: "--set", message: "'\(option)': missing '='. Syntax: --set [LAYER.]FIELD=VALUE")
        }
        let target = String(option[..<equals]).trimmingBlanks()
        var layer = primaryLayer
        var field = target
        if let dot = target.firstIndex(of: "."), let named = LayerKind(rawValue: String(target[..<dot])) {
            layer = named
            field = String(target[target.index(after: dot)...])
        }
        guard layer.fields.contains(field) else {
            throw MappingError(source: "--set", message: "'\(option)': unknown canonical field '\(field)' for \(layer)"
                               + "\(didYouMean(field, among: layer.fields)) \(layer) fields are: "
                               + layer.fields.joined(separator: ", "))
        }
        let value = String(option[option.index(after: equals)...]).trimmingBlanks()
        guard !value.isEmpty else {
            throw MappingError(source: "--set", message: "'\(option)': no value after '='")
        }
        return (layer, field, value)
    }
}
