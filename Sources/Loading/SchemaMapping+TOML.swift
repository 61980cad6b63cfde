import Contamination
import Foundation
import TOMLKit

extension SchemaMapping {
    /// Reads a mapping TOML file (format: `GeoData/` examples and COMMON.md).
    ///
    /// - Throws: `MappingError` naming the file and line when it cannot be read, is not valid TOML, or
    ///   names an unknown layer, setting or canonical field, or maps a value to a non-canonical value.
    public init(contentsOfFile path: String) throws(MappingError) {
        let text = try TOMLSource.text(contentsOfFile: path, kind: "mapping file") {
            MappingError(source: path, message: $0.message)
        }
        try self.init(toml: text, file: path)
    }

    /// Parses mapping TOML text (with TOMLKit). `file` names the text in errors.
    ///
    /// ```toml
    /// [hazards.fields]            # canonical = "source field name"
    /// class = "typeArea"
    /// [hazards.values.class]      # "source value" = "canonical value"
    /// "Suspected Minefield" = "SHA"
    /// [hazards]
    /// crs = "EPSG:32636"          # the CRS the coordinates are in, whatever the file declares
    /// where = "status <> 'closed'" # OGR SQL: only these features
    /// spat = [30.0, 2.0, 35.0, 4.5] # only features whose box meets this (layer coordinates)
    /// partial_dates = "mid"       # read "1990" as 1990-07-01, "1990-05" as 1990-05-15 ("first": 01-01, 05-01)
    /// [hazards.fields]
    /// status = { value = "active" } # a constant for a field the file lacks
    /// ```
    /// - Throws: `MappingError`; of several problems, the one on the earliest line.
    public init(toml text: String, file: String) throws(MappingError) {
        let source = try TOMLSource(toml: text, file: file) {
            MappingError(source: file, line: $0.line, column: $0.column, message: $0.message)
        }
        var reader = MappingTableReader(file: file, locator: source.locator)
        self.init(layers: reader.read(source.root))
        if let first = reader.problems.min(by: { ($0.line ?? Int.max) < ($1.line ?? Int.max) }) {
            throw first
        }
    }
}

/// Turns the parsed TOML tables into layer mappings, collecting every problem with its line.
private struct MappingTableReader {
    let file: String
    let locator: TOMLKeyLocator
    var problems: [MappingError] = []

    init(file: String, locator: TOMLKeyLocator) {
        self.file = file
        self.locator = locator
    }

    mutating func read(_ root: TOMLTable) -> [LayerKind: LayerMapping] {
        var layers: [LayerKind: LayerMapping] = [:]
        let layerNames = LayerKind.allCases.map(\.rawValue)
        for name in root.keys {
            guard let layer = LayerKind(rawValue: name) else {
                report([name], "unknown layer '\(name)'\(didYouMean(name, among: layerNames)) "
                    + "Layers are: \(layerNames.joined(separator: ", ")).")
                continue
            }
            guard let table = root[name]?.table else {
                report([name], "'\(name)' must be a table, e.g. [\(name).fields]")
                continue
            }
            layers[layer] = read(table, layer: layer)
        }
        return layers
    }

    private mutating func read(_ table: TOMLTable, layer: LayerKind) -> LayerMapping {
        var mapping = LayerMapping()
        for setting in table.keys {
            let path = [layer.rawValue, setting]
            switch setting {
            case "fields":
                guard let fields = table[setting]?.table else {
                    report(path, "[\(layer).fields] must be a table of canonical = \"source field\"")
                    continue
                }
                (mapping.fields, mapping.constants) = readFields(fields, layer: layer)
            case "values":
                guard let values = table[setting]?.table else {
                    report(path, "[\(layer).values] must hold tables such as [\(layer).values.FIELD]")
                    continue
                }
                mapping.values = readValues(values, layer: layer)
            case "crs":
                guard let crs = table[setting]?.string else {
                    report(path, "\(layer).crs must be a string such as \"EPSG:32636\"")
                    continue
                }
                mapping.crs = crs
            case "where":
                guard let filter = table[setting]?.string, !filter.isEmpty else {
                    report(path, "\(layer).where must be an OGR SQL filter in quotes, such as \"method <> 3\"")
                    continue
                }
                mapping.filter = filter
            case "spat":
                let numbers = table[setting]?.array?.map { $0.double ?? $0.int.map(Double.init) }
                guard let numbers, numbers.count == 4, let box = SpatialFilterText.bounds(numbers.compactMap { $0 })
                else {
                    report(path, "\(layer).spat must be [xmin, ymin, xmax, ymax] with xmin < xmax and ymin < ymax")
                    continue
                }
                mapping.spatialFilter = box
            case "partial_dates":
                guard let text = table[setting]?.string, let rule = PartialDateRule(rawValue: text) else {
                    report(path, "\(layer).partial_dates must be one of: "
                        + PartialDateRule.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                    continue
                }
                mapping.partialDates = rule
            default:
                report(path, "unknown setting '\(setting)' in [\(layer)]; expected fields, values, crs, where, "
                    + "spat or partial_dates")
            }
        }
        return mapping
    }

    /// Source field names (`class = "typeArea"`) and constants (`class = { value = "SHA" }`).
    private mutating func readFields(_ table: TOMLTable, layer: LayerKind) -> ([String: String], [String: String]) {
        var fields: [String: String] = [:]
        var constants: [String: String] = [:]
        for canonical in table.keys {
            let path = [layer.rawValue, "fields", canonical]
            guard layer.fields.contains(canonical) else {
                report(path, "unknown canonical field '\(canonical)' in [\(layer).fields]"
                    + "\(didYouMean(canonical, among: layer.fields)) "
                    + "\(layer) fields are: \(layer.fields.joined(separator: ", ")).")
                continue
            }
            if let inline = table[canonical]?.table {
                guard inline.keys == ["value"], let constant = Self.text(inline["value"]), !constant.isEmpty else {
                    report(path, "\(layer).fields.\(canonical) as a table must be { value = \"…\" }, a constant")
                    continue
                }
                constants[canonical] = constant
                continue
            }
            guard let source = table[canonical]?.string, !source.isEmpty else {
                report(path, "\(layer).fields.\(canonical) must be a source field name in quotes, "
                    + "or a constant { value = \"…\" }")
                continue
            }
            fields[canonical] = source
        }
        return (fields, constants)
    }

    /// A TOML string, integer or date as text.
    private static func text(_ value: TOMLValueConvertible?) -> String? {
        guard let value else { return nil }
        if let text = value.string { return text }
        if let number = value.int { return String(number) }
        if let date = value.date { return String(format: "%04d-%02d-%02d", date.year, date.month, date.day) }
        return nil
    }

    private mutating func readValues(_ table: TOMLTable, layer: LayerKind) -> [String: [ValueKey: String]] {
        var values: [String: [ValueKey: String]] = [:]
        let domains = layer.valueDomains
        let fieldsWithValues = layer.fields.filter { domains[$0] != nil }
        for field in table.keys {
            let path = [layer.rawValue, "values", field]
            guard let domain = domains[field] else {
                let reason = layer.fields.contains(field)
                    ? "\(layer).\(field) takes free text, not a fixed set of values"
                    : "unknown canonical field '\(field)'\(didYouMean(field, among: fieldsWithValues))"
                let allowed = fieldsWithValues.isEmpty ? "none" : fieldsWithValues.joined(separator: ", ")
                report(path, "[\(layer).values.\(field)]: \(reason). \(layer) fields with values: \(allowed).")
                continue
            }
            guard let entries = table[field]?.table else {
                report(path, "[\(layer).values.\(field)] must be a table of \"source value\" = \"canonical value\"")
                continue
            }
            var mapped: [ValueKey: String] = [:]
            for sourceValue in entries.keys {
                let entryPath = path + [sourceValue]
                guard let target = entries[sourceValue]?.string,
                      let canonical = domain.first(where: { ValueKey($0) == ValueKey(target) }) else {
                    let shown = entries[sourceValue]?.string ?? entries[sourceValue]?.debugDescription ?? ""
                    report(entryPath, "\"\(sourceValue)\" maps to '\(shown)', which is not a canonical "
                        + "\(layer).\(field) value; use one of: \(domain.joined(separator: ", ")).")
                    continue
                }
                let key = ValueKey(sourceValue)
                if let earlier = mapped[key], earlier != canonical {
                    report(entryPath, "\"\(sourceValue)\" is the same value as another entry of "
                        + "[\(layer).values.\(field)] (case, '-', ' ' and '_' are ignored) but maps to "
                        + "'\(canonical)', not '\(earlier)'")
                    continue
                }
                mapped[key] = canonical
            }
            values[field] = mapped
        }
        return values
    }

    private mutating func report(_ path: [String], _ message: String) {
        problems.append(MappingError(source: file, line: locator.line(of: path), message: message))
    }
}
