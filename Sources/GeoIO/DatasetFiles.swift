import Foundation
internal import CGDAL

/// The files on disk that make up a dataset, as GDAL lists them (`GDALGetFileList`): a Shapefile's
/// `.shp`, `.shx`, `.dbf`, `.prj`, `.cpg`; a raster's `.aux.xml`, `.ovr`, world file; a path inside
/// `/vsizip/` stands for its archive.
public enum DatasetFiles {
    /// Every file of the dataset at `path` (which may be `file.gpkg:layer` or inside `/vsizip/`), sorted,
    /// each a regular file; empty for a `PG:` connection. A file GDAL cannot open (a mapping TOML, say)
    /// is its own only file.
    /// - Throws: `GeoIOError` when the path does not exist or is a FIFO, a device or a socket.
    public static func files(of path: String) throws -> [String] {
        if PostGISSource.isConnection(path) { return [] }
        let dataset = DatasetOpening.splitLayer(path).dataset
        try InputPath.checkReadable(dataset)
        var listed: [String] = []
        if !Self.isGeoJSON(dataset), let handle = try? DatasetOpening.open(path: dataset, vector: true, raster: true) {
            defer { GDALClose(handle) }
            listed = DatasetOpening.fileList(handle)
        }
        if listed.isEmpty { listed = [dataset] }
        var files: Set<String> = []
        for file in listed {
            let real = InputPath.isVirtual(file) ? try archive(of: file) : file
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                files.formUnion(try regularFiles(in: real))
            } else {
                try InputPath.checkReadable(real)
                files.insert(real)
            }
        }
        return files.sorted()
    }

    /// The file on disk that holds the dataset named by `path`: the file itself, the file of a
    /// `file.gpkg:layer`, the archive of a `/vsizip/…` path; `nil` for a `PG:` connection.
    public static func mainFile(of path: String) -> String? {
        if PostGISSource.isConnection(path) { return nil }
        let dataset = DatasetOpening.splitLayer(path).dataset
        guard InputPath.isVirtual(dataset) else { return dataset }
        return (try? archive(of: dataset)) ?? dataset
    }

    /// A GeoJSON's only file is itself; opening one to ask would parse it all.
    private static func isGeoJSON(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".geojson") || lower.hasSuffix(".json")
    }

    private static func archive(of path: String) throws -> String {
        guard let prefix = InputPath.offlineVirtualFileSystems.first(where: { path.hasPrefix($0) }),
              let archive = InputPath.archivePath(inside: String(path.dropFirst(prefix.count))) else {
            throw GeoIOError(path: path, message: "no archive found in the path")
        }
        return archive
    }

    /// The regular files under a folder dataset (a FileGDB), sorted.
    private static func regularFiles(in folder: String) throws -> [String] {
        guard let names = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let name = names.nextObject() as? String {
            let full = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                try InputPath.checkReadable(full)
                files.append(full)
            }
        }
        return files.sorted()
    }
}
