// swift-tools-version:6.0
import PackageDescription

/// hazmap: an open geospatial engine for humanitarian mine action.
///
/// Data flows one way: files → GeoIO → Loading → Contamination (using GeometryCore) → Analyses → Reports/GeoIO
/// → files.
///
/// The module graph (each target lists what it imports; Tests/ContaminationTests/LayeringTests.swift checks the
/// engine's imports and the C modules' importers on the sources):
/// - HazmapValues: plain values every layer shares (CalendarDate, CRSInfo, ConnectionString); Foundation only.
/// - GeometryCore: geometry, PROJ transforms, geodesic measures, coverage; the only importer of CGEOS and CPROJ.
/// - GeoIO: reading and writing files and databases; the only importer of CGDAL.
/// - Contamination: the engine's algorithms (validation, extent, ledger, exposure, priorities, plans, routes) on
///   values; it imports neither GeoIO nor CGDAL nor TOMLKit, and reads rasters through its `RasterSource` protocol.
/// - Loading: layers, schema mapping, settings files (TOML) and rasters read through GeoIO into the engine's values.
/// - Analyses: one function per analysis, from a typed request (sources, dates, periods, distances) to a typed
///   result, with the writers and JSON views of each result; what the CLI, the batch runner and the report call.
/// - Reports, Batch, hazmap: outputs, batch runs, the command line, over all of the above.
let package = Package(
    name: "hazmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hazmap", targets: ["hazmap"]),
        .executable(name: "hazmap-generate", targets: ["hazmap-generate"]),
        .library(name: "GeometryCore", targets: ["GeometryCore"]),
        .library(name: "HazmapValues", targets: ["HazmapValues"]),
        .library(name: "GeoIO", targets: ["GeoIO"]),
        .library(name: "Contamination", targets: ["Contamination"]),
        .library(name: "Loading", targets: ["Loading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Tests only: property-based checks of the numeric inputs (Tests/ContaminationTests/Properties).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .systemLibrary(
            name: "CPROJ", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .systemLibrary(
            name: "CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),
        .target(name: "HazmapValues"),
        .target(name: "GeometryCore", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "GeoIO", dependencies: ["CGDAL", "GeometryCore", "HazmapValues"]),
        // The engine: no GeoIO, no CGDAL, no TOMLKit (see the module graph above).
        .target(name: "Contamination", dependencies: ["GeometryCore", "HazmapValues"]),
        .target(
            name: "Loading",
            dependencies: [
                "Contamination", "GeoIO", "GeometryCore", "HazmapValues",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(name: "Reports", dependencies: ["Contamination", "GeometryCore", "GeoIO", "HazmapValues"]),
        .target(
            name: "Analyses",
            dependencies: ["Contamination", "Loading", "Reports", "GeometryCore", "GeoIO", "HazmapValues"]
        ),
        .target(
            name: "Batch",
            dependencies: [
                "Analyses", "Contamination", "Loading", "Reports", "GeoIO", "HazmapValues",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "hazmap",
            dependencies: [
                "GeometryCore", "HazmapValues", "GeoIO", "Contamination", "Loading", "Reports", "Analyses", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "hazmap-generate",
            dependencies: [
                "GeometryCore", "GeoIO", "HazmapValues",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/Generator"
        ),
        .testTarget(name: "GeometryCoreTests", dependencies: ["GeometryCore"], exclude: ["Fixtures"]),
        .testTarget(name: "GeoIOTests", dependencies: ["GeoIO", "GeometryCore", "HazmapValues"]),
        .testTarget(
            name: "ContaminationTests",
            dependencies: [
                "Contamination", "Loading", "GeometryCore", "GeoIO", "HazmapValues",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["ExposureSaoMiguelReference.json"]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Contamination", "GeometryCore", "GeoIO"]),
        .testTarget(
            name: "AnalysesTests", dependencies: ["Analyses", "Contamination", "GeometryCore", "HazmapValues"]
        ),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "HazmapValues"]),
        .testTarget(
            name: "HazmapCLITests",
            dependencies: ["GeoIO", "GeometryCore"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
