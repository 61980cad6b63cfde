// swift-tools-version:6.0
import PackageDescription

/// hazmap: an open geospatial engine for humanitarian mine action.
///
/// Data flows one way: files → GeoIO → Contamination (using GeometryCore) → Reports/GeoIO → files.
/// Only GeometryCore imports CGEOS and CPROJ; only GeoIO imports CGDAL.
let package = Package(
    name: "hazmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hazmap", targets: ["hazmap"]),
        .executable(name: "hazmap-generate", targets: ["hazmap-generate"]),
        .library(name: "GeometryCore", targets: ["GeometryCore"]),
        .library(name: "GeoIO", targets: ["GeoIO"]),
        .library(name: "Contamination", targets: ["Contamination"]),
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
        .target(name: "GeometryCore", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "GeoIO", dependencies: ["CGDAL", "GeometryCore"]),
        .target(
            name: "Contamination",
            dependencies: ["GeometryCore", "GeoIO", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "Reports", dependencies: ["Contamination", "GeometryCore", "GeoIO"]),
        .target(
            name: "Batch",
            dependencies: ["Contamination", "Reports", "GeoIO", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "hazmap",
            dependencies: [
                "GeometryCore", "GeoIO", "Contamination", "Reports", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "hazmap-generate",
            dependencies: [
                "GeometryCore", "GeoIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/Generator"
        ),
        .testTarget(name: "GeometryCoreTests", dependencies: ["GeometryCore"], exclude: ["Fixtures"]),
        .testTarget(name: "GeoIOTests", dependencies: ["GeoIO", "GeometryCore"]),
        .testTarget(
            name: "ContaminationTests",
            dependencies: [
                "Contamination", "GeometryCore", "GeoIO",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["ExposureSaoMiguelReference.json"]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch"]),
        .testTarget(
            name: "HazmapCLITests",
            dependencies: ["GeoIO", "GeometryCore"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
