import Contamination

extension SchemaMapping {
    /// The syntax of `--field`, for help texts.
    public static let fieldOptionSyntax = "--field [LAYER.]FIELD=SOURCE_FIELD   e.g. --field hazards.class=typeArea"
    /// The syntax of `--value`, for help texts.
    public static let valueOptionSyntax =
        "--value [LAYER.]FIELD:SOURCE_VALUE=CANONICAL   e.g. --value 'hazards.class:Suspected Minefield=SHA'"

    /// Builds a mapping from command-line options.
    ///
    /// - `--field [LAYER.]FIELD=SOURCE_FIELD` reads canonical `FIELD` from the source field `SOURCE_FIELD`
    ///   (everything after the first `=`).
    /// - `--value [LAYER.]FIELD:SOURCE_VALUE=CANONICAL` maps a source value to a canonical one. The field ends
    ///   at the first `:`, the canonical value starts after the last `=`, so the source value may hold both.
    /// - Without `LAYER.`, the option applies to `primaryLayer` (the command's main input, e.g. hazards).
    /// - `SOURCE_FIELD` and `SOURCE_VALUE` may be wrapped in double or single quotes, which are removed:
    ///   `--value hazards.class:'"Suspected Minefield"'=SHA`.
    ///
    /// Later options override earlier ones. Lay the result over a file's mapping with `merging(_:)`.
    /// - Throws: `MappingError` naming the option, the text given and the syntax expected.
    public init(fieldOptions: [String], valueOptions: [String], primaryLayer: LayerKind) throws(MappingError) {
        self.init()
        for option in fieldOptions {
            let (layer, field, source) = try Self.parseFieldOption(option, primaryLayer: primaryLayer)
            self[layer].fields[field] = source
        }
        for option in valueOptions {
            let (layer, field, source, canonical) = try Self.parseValueOption(option, primaryLayer: primaryLayer)
            self[layer].values[field, default: [:]][ValueKey(source)] = canonical
        }
    }

    private static func parseFieldOption(
        _ option: String, primaryLayer: LayerKind
    ) throws(MappingError) -> (LayerKind, String, String) {
        func failure(_ message: String) -> MappingError {
            MappingError(source: "--field", message: "'\(option)': \(message). Syntax: \(fieldOptionSyntax)")
        }
        guard let equals = option.firstIndex(of: "=") else { throw failure("missing '='") }
        let (layer, field) = try target(String(option[..<equals]), primaryLayer: primaryLayer, failure: failure)
        let source = unquoted(String(option[option.index(after: equals)...]))
        guard !source.isEmpty else { throw failure("no source field name after '='") }
        return (layer, field, source)
    }

    private static func parseValueOption(
        _ option: String, primaryLayer: LayerKind
    ) throws(MappingError) -> (LayerKind, String, String, String) {
        func failure(_ message: String) -> MappingError {
            MappingError(source: "--value", message: "'\(option)': \(message). Syntax: \(valueOptionSyntax)")
        }
        guard let colon = option.firstIndex(of: ":") else { throw failure("missing ':' after the field") }
        let rest = option[option.index(after: colon)...]
        guard let equals = rest.lastIndex(of: "=") else { throw failure("missing '=' before the canonical value") }
        let (layer, field) = try target(String(option[..<colon]), primaryLayer: primaryLayer, failure: failure)
        guard let domain = layer.valueDomains[field] else {
            let withValues = layer.fields.filter { layer.valueDomains[$0] != nil }
            throw failure("\(layer).\(field) takes free text, not a fixed set of values; fields with values: "
                + (withValues.isEmpty ? "none" : withValues.joined(separator: ", ")))
        }
        let source = unquoted(String(rest[..<equals]))
        guard !source.isEmpty else { throw failure("no source value between ':' and '='") }
        let target = unquoted(String(rest[rest.index(after: equals)...]))
        guard let canonical = domain.first(where: { ValueKey($0) == ValueKey(target) }) else {
            throw failure("'\(target)' is not a canonical \(layer).\(field) value; use one of: "
                + domain.joined(separator: ", "))
        }
        return (layer, field, source, canonical)
    }

    /// Splits `layer.field` or `field` and checks both names.
    private static func target(
        _ text: String, primaryLayer: LayerKind, failure: (String) -> MappingError
    ) throws(MappingError) -> (LayerKind, String) {
        let trimmed = text.trimmingBlanks()
        var layer = primaryLayer
        var field = trimmed
        if let dot = trimmed.firstIndex(of: ".") {
            let layerName = String(trimmed[..<dot])
            let names = LayerKind.allCases.map(\.rawValue)
            guard let named = LayerKind(rawValue: layerName) else {
                throw failure("unknown layer '\(layerName)'\(didYouMean(layerName, among: names)) "
                    + "Layers are: \(names.joined(separator: ", "))")
            }
            layer = named
            field = String(trimmed[trimmed.index(after: dot)...])
        }
        guard layer.fields.contains(field) else {
            throw failure("unknown canonical field '\(field)' for \(layer)\(didYouMean(field, among: layer.fields)) "
                + "\(layer) fields are: \(layer.fields.joined(separator: ", "))")
        }
        return (layer, field)
    }

    /// The text without surrounding blanks and one pair of matching surrounding quotes.
    private static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingBlanks()
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
