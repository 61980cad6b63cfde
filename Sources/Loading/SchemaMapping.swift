import Contamination
import GeoIO
import GeometryCore

/// How one source's field names and values map onto hazmap's canonical ones.
///
/// Built from a mapping TOML file (`SchemaMapping(toml:file:)`), from `--field`/`--value` options
/// (`SchemaMapping(fieldOptions:valueOptions:primaryLayer:)`), or both (`merging(_:)`).
/// Without an entry, a canonical field is read from the source field of the same name, and values
/// match canonical ones by `ValueKey` (case-insensitive, '-', ' ' and '_' alike).
public struct SchemaMapping: Sendable, Equatable {
    /// The mapping of each layer that has one.
    public var layers: [LayerKind: LayerMapping]

    /// The empty mapping: canonical names and values throughout.
    public init(layers: [LayerKind: LayerMapping] = [:]) {
        self.layers = layers
    }

    /// The mapping of one layer; empty when none was given.
    public subscript(layer: LayerKind) -> LayerMapping {
        get { layers[layer] ?? LayerMapping() }
        set { layers[layer] = newValue }
    }

    /// This mapping with `overrides` laid over it, entry by entry: a field, a source value or a CRS set in
    /// `overrides` replaces the one here; everything else is kept. Used to put CLI options over a file.
    public func merging(_ overrides: SchemaMapping) -> SchemaMapping {
        var result = self
        for (layer, mapping) in overrides.layers {
            result[layer] = result[layer].merging(mapping)
        }
        return result
    }
}

/// The mapping of one layer: source field names, constants, source values, the CRS, and which features
/// to read.
public struct LayerMapping: Sendable, Equatable {
    /// Canonical field → source field name, e.g. `class` → `typeArea`.
    public var fields: [String: String]
    /// Canonical field → a value every feature takes, for a field the source lacks, e.g. `class` → `SHA`
    /// (`class = { value = "SHA" }` in the mapping, `--set class=SHA`). A constant replaces any source field.
    public var constants: [String: String]
    /// Canonical field → (normalised source value → canonical value), e.g.
    /// `class` → (`suspected_minefield` → `SHA`).
    public var values: [String: [ValueKey: String]]
    /// The CRS the layer's coordinates are in, e.g. `EPSG:32636`. It wins over what the file declares
    /// (as ogr2ogr's `-s_srs` does), in every format; `nil` to use the file's own.
    public var crs: String?
    /// An OGR SQL attribute filter: only features it selects are read (`where = "method <> 3"`).
    public var filter: String?
    /// Only features whose bounding box meets this rectangle (in the layer's own coordinates) are read.
    public var spatialFilter: Bounds?
    /// How a date given as a year or a year and month is read; `nil` refuses such dates.
    public var partialDates: PartialDateRule?

    public init(fields: [String: String] = [:], values: [String: [ValueKey: String]] = [:], crs: String? = nil,
                constants: [String: String] = [:], filter: String? = nil, spatialFilter: Bounds? = nil,
                partialDates: PartialDateRule? = nil) {
        self.fields = fields
        self.values = values
        self.crs = crs
        self.constants = constants
        self.filter = filter
        self.spatialFilter = spatialFilter
        self.partialDates = partialDates
    }

    /// How GeoIO reads the layer: the CRS override and the filters.
    public var layerFilter: LayerFilter {
        LayerFilter(sourceCRS: crs, attributeFilter: filter, spatialFilter: spatialFilter)
    }

    /// The source field a canonical field is read from: the mapped name, or the canonical name itself.
    public func sourceField(for canonical: String) -> String {
        fields[canonical] ?? canonical
    }

    /// The canonical value a source value stands for, or `nil` when neither the mapping nor the
    /// canonical values (matched by `ValueKey`) know it.
    ///
    /// - Parameters:
    ///   - source: the value as the source spells it.
    ///   - field: the canonical field, e.g. `class`.
    ///   - domain: the field's canonical values, e.g. `["SHA", "CHA"]`.
    public func canonicalValue(of source: String, field: String, domain: [String]) -> String? {
        let key = ValueKey(source)
        if let mapped = values[field]?[key] { return mapped }
        return domain.first { ValueKey($0) == key }
    }

    /// This mapping with `overrides` laid over it, entry by entry.
    public func merging(_ overrides: LayerMapping) -> LayerMapping {
        var result = self
        result.fields.merge(overrides.fields) { _, new in new }
        result.constants.merge(overrides.constants) { _, new in new }
        for field in overrides.fields.keys { result.constants[field] = nil }
        for field in overrides.constants.keys { result.fields[field] = nil }
        for (field, table) in overrides.values {
            result.values[field, default: [:]].merge(table) { _, new in new }
        }
        if let crs = overrides.crs { result.crs = crs }
        if let filter = overrides.filter { result.filter = filter }
        if let box = overrides.spatialFilter { result.spatialFilter = box }
        if let rule = overrides.partialDates { result.partialDates = rule }
        return result
    }
}
