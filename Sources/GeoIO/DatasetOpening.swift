import Foundation
internal import CGDAL

/// Opening files with GDAL, with one-line errors that name the file.
enum DatasetOpening {
    /// Opens `path` read-only (`GDALOpenEx`) for the given kinds (`GDAL_OF_VECTOR`, `GDAL_OF_RASTER`).
    /// The caller owns the handle and closes it with `GDALClose`.
    static func open(path: String, vector: Bool, raster: Bool) throws -> GDALDatasetH {
        GDALRuntime.prepare()
        try InputPath.checkReadable(path)
        var isDirectory: ObjCBool = false
        if !InputPath.isVirtual(path) {
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw GeoIOError(path: path, message: "the file is not readable (permission denied)")
            }
        }
        if vector, !isDirectory.boolValue { try GeoJSONSizeCheck.check(path) }
        var flags = UInt32(GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        if vector { flags |= UInt32(GDAL_OF_VECTOR) }
        if raster { flags |= UInt32(GDAL_OF_RASTER) }
        let kinds = [vector ? "vector" : nil, raster ? "raster" : nil].compactMap { $0 }.joined(separator: " or ")
        CPLErrorReset()
        let (opened, failures) = GDALRuntime.collectingFailures { GDALOpenEx(path, flags, nil, nil, nil) }
        guard let dataset = opened else {
            if isDirectory.boolValue {
                throw GeoIOError(path: path, function: "GDALOpenEx", message: "is a folder, not a \(kinds) file")
            }
            let reasons = failures.map { $0.contains("not recognized as a supported file format") ? "format not recognised" : $0 }
            var message = "not a \(kinds) file GDAL can read"
            if !reasons.isEmpty { message += ": " + reasons.joined(separator: "; ") }
            throw GeoIOError(path: path, function: "GDALOpenEx",
                             message: message.replacingOccurrences(of: "\n", with: " "))
        }
        // The archive of a /vsizip/ path too: GDAL lists the files inside it.
        OutputGuard.recordInput(path, files: fileList(dataset) + [DatasetFiles.mainFile(of: path)].compactMap { $0 })
        let empty = GDALDatasetGetLayerCount(dataset) == 0 && GDALGetRasterCount(dataset) == 0
        if empty {
            GDALClose(dataset)
            let what = isDirectory.boolValue ? "is a folder with no \(kinds) data" : "holds no \(kinds) data"
            throw GeoIOError(path: path, function: "GDALOpenEx", message: what)
        }
        return dataset
    }

    /// Splits a `file.gpkg:layer` input into the dataset and the layer name.
    ///
    /// The rule: when the whole text names an existing file, folder or virtual file system path, it is
    /// the dataset (no layer); otherwise, when the text before the last `:` names one, that is the dataset
    /// and the rest is the layer. `PG:` connection strings are left whole (`PostGISSource` reads them).
    /// - Returns: the dataset path, and the layer name or `nil`.
    static func splitLayer(_ text: String) -> (dataset: String, layer: String?) {
        guard !PostGISSource.isConnection(text), !exists(text), let colon = text.lastIndex(of: ":") else {
            return (text, nil)
        }
        let dataset = String(text[..<colon])
        let layer = String(text[text.index(after: colon)...])
        guard !dataset.isEmpty, !layer.isEmpty, exists(dataset) else { return (text, nil) }
        return (dataset, layer)
    }

    /// Whether a path names something (`VSIStatL`, which also sees inside `/vsizip/` archives; it does
    /// not open the file, so a FIFO cannot block it).
    static func exists(_ path: String) -> Bool {
        GDALRuntime.prepare()
        // `VSIStatBufL` is a `struct stat64`, opaque to Swift: a buffer larger than it on any platform.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1_024, alignment: 16)
        defer { buffer.deallocate() }
        return VSIStatExL(path, OpaquePointer(buffer), VSI_STAT_EXISTS_FLAG) == 0
    }

    /// The files GDAL reads for a dataset (`GDALGetFileList`: the main file and its sidecars).
    static func fileList(_ dataset: GDALDatasetH) -> [String] {
        guard let list = GDALGetFileList(dataset) else { return [] }
        defer { CSLDestroy(list) }
        var files: [String] = []
        var index = 0
        while let entry = list[index] {
            files.append(String(cString: entry))
            index += 1
        }
        return files
    }

    /// The names of a dataset's vector layers, in order.
    static func layerNames(_ dataset: GDALDatasetH) -> [String] {
        (0..<GDALDatasetGetLayerCount(dataset)).compactMap { index in
            GDALDatasetGetLayer(dataset, index).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    /// The field type hazmap uses for an OGR field type: integers, reals and dates keep their
    /// type, everything else is read as text.
    static func fieldType(_ type: OGRFieldType) -> FieldType {
        switch type {
        case OFTInteger, OFTInteger64: .integer
        case OFTReal: .real
        case OFTDate, OFTDateTime: .date
        default: .string
        }
    }
}
