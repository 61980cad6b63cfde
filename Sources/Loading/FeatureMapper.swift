import Contamination
import GeoIO
import HazmapValues

/// A record made from one feature, with what was wrong with the feature.
public struct Mapped<Value: Sendable>: Sendable {
    /// The record, or `nil` when the feature lacks something the record cannot do without
    /// (e.g. a release with no date); `findings` then say why.
    public var value: Value?
    /// Problems with the feature's attributes or geometry, in the order found.
    public var findings: [Finding]

    public init(value: Value?, findings: [Finding]) {
        self.value = value
        self.findings = findings
    }
}

/// Turns the features of one source into domain records (`Hazard`, `ReleaseEvent`, `Region`, …)
/// through a schema mapping.
///
/// The source's schema is checked once, when the mapper is made: a missing required field (or a mapped
/// field that is absent) throws `MissingFieldsError`. Per-feature problems — a missing id, an unknown
/// class, an unreadable date — never throw: they come back as findings, and the feature is kept when
/// the record can do without the value. Source field names match exactly, or else ignoring case
/// (Shapefiles upper-case names).
public struct FeatureMapper: Sendable {
    public let layer: LayerKind
    /// The source file's path, used in findings and source references (a password shown as `***`).
    public let file: String
    /// The layer's mapping (field names, values).
    public let mapping: LayerMapping
    /// Canonical field → the name of the source field it is read from; only fields the source has.
    public let sourceFields: [String: String]
    /// Canonical field → the value every feature takes (a constant in the mapping, `--set`).
    public var constants: [String: String] { mapping.constants }

    /// Checks the source's schema against the mapping.
    ///
    /// - Parameters:
    ///   - layer: which kind of layer the source holds.
    ///   - mapping: the schema mapping (`SchemaMapping()` for canonical names).
    ///   - file: the source's path, for messages.
    ///   - fields: the source's fields, as the reader reports them.
    ///   - unused: canonical fields the command does not use; they are not required.
    /// - Throws: `MissingFieldsError` listing every required or explicitly mapped field that is absent,
    ///   the fields the file has, and close matches.
    public init(layer: LayerKind, mapping: SchemaMapping, file: String, fields: [FieldDefinition],
                unused: Set<String> = []) throws(MissingFieldsError) {
        let layerMapping = mapping[layer]
        let names = fields.map(\.name)
        var resolved: [String: String] = [:]
        var missing: [MissingFieldsError.MissingField] = []
        for canonical in layer.fields where layerMapping.constants[canonical] == nil {
            let wanted = layerMapping.sourceField(for: canonical)
            if let found = names.first(where: { $0 == wanted })
                ?? names.first(where: { $0.lowercased() == wanted.lowercased() }) {
                resolved[canonical] = found
            } else if (layer.requiredFields.contains(canonical) && !unused.contains(canonical))
                        || layerMapping.fields[canonical] != nil {
                var suggestions = closeMatches(to: wanted, among: names)
                if wanted != canonical {
                    for name in closeMatches(to: canonical, among: names) where !suggestions.contains(name) {
                        suggestions.append(name)
                    }
                }
                missing.append(.init(canonical: canonical, sourceField: wanted, suggestions: suggestions))
            }
        }
        guard missing.isEmpty else {
            throw MissingFieldsError(file: file, layer: layer, missing: missing, available: names)
        }
        self.layer = layer
        self.file = ConnectionString.redacted(file)
        self.mapping = layerMapping
        self.sourceFields = resolved
    }

    /// The source fields the mapper reads, sorted; the reader may skip all others
    /// (`OGR_L_SetIgnoredFields`).
    public var usedSourceFields: [String] {
        Array(Set(sourceFields.values)).sorted()
    }

    /// Checks that the mapper was made for the layer a builder needs; calling, say, `hazard(from:)` on a
    /// releases mapper is a programming error.
    func expect(_ expected: LayerKind) {
        precondition(layer == expected, "a \(layer) mapper cannot build \(expected) records")
    }
}
