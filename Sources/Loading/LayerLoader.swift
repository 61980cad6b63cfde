import Contamination
import GeoIO
import GeometryCore

/// Reads a layer through GeoIO, maps it through the schema mapping, and checks and repairs its geometry.
///
/// Features stream from the source in batches; each batch is mapped and repaired on all threads and
/// gathered in source order, so the result never depends on the number of threads. Nothing is dropped in
/// silence: a feature left out of figures keeps an error finding that says why, and the summary counts it.
public enum LayerLoader {
    static let batchSize = 2_048

    /// Reads hazards: polygons, checked, repaired, with sliver and large-area checks.
    ///
    /// Every hazard is returned (validation needs them all); those without a class or a usable polygon
    /// are counted as left out, and area figures skip them.
    public static func hazards(from path: String, options: LoadOptions,
                               progress: (@Sendable (Int) -> Void)? = nil) throws -> Loaded<Hazard> {
        let thresholds = options.thresholds
        let recipe = Recipe<Hazard>(
            layer: .hazards, expectation: .polygonal, build: { $0.hazard(from: $1) }, geometry: { $0.geometry },
            replacing: { hazard, geometry in
                var copy = hazard
                copy.geometry = geometry
                return copy
            },
            usable: { $0.geometry != nil && $0.hazardClass != nil },
            areaCheck: { hazard, geometry, inspection in
                try inspection.checkArea(of: geometry, hazardClass: hazard.hazardClass, thresholds: thresholds)
            },
            compacting: { hazard in
                var copy = hazard
                copy.compactGeometry = hazard.compactGeometry?.compacted()
                return copy
            })
        return try load(path, recipe: recipe, options: options, progress: progress) { loaded in
            for index in SwappedCoordinates.detect(loaded.records.map { $0.compactGeometry?.bounds }) {
                let hazard = loaded.records[index]
                let finding = SwappedCoordinates.finding(for: hazard.source, id: hazard.id)
                loaded.findings.append(finding)
                loaded.records[index].geometry = nil
                loaded.summary.usable -= 1
                loaded.summary.leftOut[FindingCode.swappedCoordinates.rawValue, default: 0] += 1
                loaded.causes.add(code: FindingCode.swappedCoordinates.rawValue, finding: finding)
            }
        }
    }

    /// Reads release events: polygons; a release without a usable polygon, method or date is left out.
    public static func releases(from path: String, options: LoadOptions,
                                progress: (@Sendable (Int) -> Void)? = nil) throws -> Loaded<ReleaseEvent> {
        try loadRequiringGeometry(path, layer: .releases, expectation: .polygonal, options: options,
                                  progress: progress, compacting: { release in
                                      var copy = release
                                      copy.compactGeometry = release.compactGeometry.compacted()
                                      return copy
                                  }, build: { $0.releaseEvent(from: $1) })
    }

    /// Reads admin regions: polygons with a code and a name.
    public static func regions(from path: String, options: LoadOptions) throws -> Loaded<Region> {
        try loadRequiringGeometry(path, layer: .regions, expectation: .polygonal, options: options) {
            $0.region(from: $1)
        }
    }

    /// How to make one kind of record from a feature.
    struct Recipe<Record: SourceRecord>: Sendable {
        var layer: LayerKind
        var expectation: GeometryExpectation
        var build: @Sendable (FeatureMapper, Feature) -> Mapped<Record>
        var geometry: @Sendable (Record) -> Geometry?
        /// The record with its checked geometry, or `nil` when the record cannot do without one.
        var replacing: @Sendable (Record, Geometry?) -> Record?
        /// Whether the record counts in figures.
        var usable: @Sendable (Record) -> Bool
        var areaCheck: (@Sendable (Record, Geometry, inout GeometryInspection) throws -> Void)?
        /// The record as it is kept once checked (its geometry held compactly where the record allows).
        var compacting: @Sendable (Record) -> Record = { $0 }
    }

    private struct Outcome<Record: Sendable>: Sendable {
        var record: Record?
        var findings: [Finding]
        var repaired: Bool
        /// Why the feature is left out of figures, or `nil` when it counts.
        var leftOut: String?
        /// The finding that left the feature out.
        var cause: Finding?
    }

    /// Reads, maps and checks every feature of `path`, then lets `adjust` revise the result (a check
    /// across features), sorts the findings, and refuses a layer with no usable feature.
    ///
    /// - Throws: `UnusableLayerError` when no feature is usable (the causes with their counts), besides
    ///   the reading and mapping errors.
    static func load<Record: SourceRecord>(_ path: String, recipe: Recipe<Record>, options: LoadOptions,
                                           progress: (@Sendable (Int) -> Void)?,
                                           adjust: (inout Loaded<Record>) throws -> Void = { _ in }
    ) throws -> Loaded<Record> {
        let layerMapping = options.mapping[recipe.layer]
        let reader = try FeatureReader(path: path, filter: layerMapping.layerFilter)
        let mapper = try FeatureMapper(layer: recipe.layer, mapping: options.mapping, file: path,
                                       fields: reader.fields, unused: options.unusedFields[recipe.layer] ?? [])
        // Fields the mapper does not read are skipped, unless an attribute filter may name them: some drivers
        // (Shapefile) evaluate the filter on the fields read, and would see an ignored one as null.
        if layerMapping.filter == nil {
            try reader.setIgnoredFields(reader.fields.map(\.name).filter { !mapper.usedSourceFields.contains($0) })
        }
        var summary = LoadSummary(file: path, layer: recipe.layer)
        summary.crsNote = crsNote(reader)
        summary.filters = filterDescription(layerMapping)
        var findings: [Finding] = []
        var causes = LeftOutCauses()
        var records: [Record] = []
        records.reserveCapacity(reader.featureCount ?? 0)
        if reader.crsAssumed {
            findings.append(Finding(
                .crsAssumed, file: reader.path, featureIndex: nil, id: nil,
                message: "the file declares no CRS; coordinates are read as WGS84 lon/lat",
                fix: "declare the CRS in the file, pass --s-srs EPSG:…, or set crs = \"EPSG:…\" under "
                    + "[\(recipe.layer)] in the mapping"))
        }
        while true {
            var batch: [Feature] = []
            batch.reserveCapacity(batchSize)
            while batch.count < batchSize, let feature = try reader.next() { batch.append(feature) }
            if batch.isEmpty { break }
            let features = batch
            let outcomes = try parallelMap(count: features.count, threads: options.threads) { index in
                var outcome = try inspect(recipe.build(mapper, features[index]), recipe: recipe)
                outcome.record = outcome.record.map(recipe.compacting)
                return outcome
            }
            for outcome in outcomes {
                findings.append(contentsOf: outcome.findings)
                if let record = outcome.record { records.append(record) }
                if outcome.repaired { summary.repaired += 1 }
                if let reason = outcome.leftOut {
                    summary.leftOut[reason, default: 0] += 1
                    causes.add(code: reason, finding: outcome.cause)
                } else {
                    summary.usable += 1
                }
            }
            summary.read += features.count
            progress?(features.count)
        }
        var loaded = Loaded(records: records, findings: findings, summary: summary)
        loaded.causes = causes
        try adjust(&loaded)
        loaded.findings.sort()
        guard loaded.summary.usable > 0 else {
            throw UnusableLayerError(summary: loaded.summary, causes: loaded.causes,
                                     crsHint: crsHint(reader, layer: recipe.layer))
        }
        return loaded
    }

    private static func inspect<Record: SourceRecord>(_ mapped: Mapped<Record>,
                                                      recipe: Recipe<Record>) throws -> Outcome<Record> {
        var findings = mapped.findings
        var record: Record?
        var repaired = false
        if let value = mapped.value {
            if let shape = recipe.geometry(value) {
                var inspection = GeometryInspection(recipe.expectation, source: value.source, id: value.id)
                // Edges are geodesics everywhere: cut once here, so overlays cross on them (GeodesicEdges).
                let usable = try inspection.inspect(shape)?.densifiedAlongGeodesics()
                if let usable, let areaCheck = recipe.areaCheck { try areaCheck(value, usable, &inspection) }
                repaired = usable != nil && inspection.findings.contains { $0.code == .invalidGeometry }
                findings += inspection.findings
                record = recipe.replacing(value, usable)
            } else {
                record = recipe.replacing(value, nil)
            }
        }
        let counts = record.map(recipe.usable) ?? false
        let cause = counts ? nil : findings.first { $0.severity == .error }
        let reason = counts ? nil : (cause?.code.rawValue ?? "unusable")
        return Outcome(record: record, findings: findings, repaired: repaired, leftOut: reason, cause: cause)
    }
}
