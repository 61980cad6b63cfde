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

/// The mapping of one layer: source field names, source values, and the CRS to assume.
public struct LayerMapping: Sendable, Equatable {
    /// Canonical field name → source field name, e.g. `class` → `typeArea`.
    public var fields: [String: String]
    /// Canonical field → (normalised source value → canonical value), e.g.
    /// `class` → (`suspected_minefield` → `SHA`).
    public var values: [String: [ValueKey: String]]
    /// The CRS to assume when the file declares none, e.g. `EPSG:32636`.
    public var crs: String?

    public init(fields: [String: String] = [:], values: [String: [ValueKey: String]] = [:], crs: String? = nil) {
        self.fields = fields
        self.values = values
        self.crs = crs
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
        for (field, table) in overrides.values {
            result.values[field, default: [:]].merge(table) { _, new in new }
        }
        if let crs = overrides.crs { result.crs = crs }
        return result
    }
}
