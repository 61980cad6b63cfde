import Foundation
import GeoIO

/// Open readers of one raster band, kept for reuse between groups of work: GDAL caches decompressed blocks per
/// dataset, so reusing a dataset avoids decompressing the same blocks again for the next polygons.
///
/// `@unchecked Sendable` holds because the list of idle readers is touched only while holding `lock`, and each
/// reader is used by one thread at a time: it leaves the list in `withReader` and comes back when `body` returns.
/// At most as many readers are open as threads have used the pool at once.
final class RasterReaderPool: @unchecked Sendable {
    let path: String
    let band: Int
    private let lock = NSLock()
    private var idle: [RasterReader] = []

    init(path: String, band: Int) {
        self.path = path
        self.band = band
    }

    /// Runs `body` with a reader no other thread is using, opening one (`RasterReader`) when none is idle.
    func withReader<T>(_ body: (RasterReader) throws -> T) throws -> T {
        lock.lock()
        let idleReader = idle.popLast()
        lock.unlock()
        let reader = try idleReader ?? RasterReader(path: path, band: band)
        defer {
            lock.lock()
            idle.append(reader)
            lock.unlock()
        }
        return try body(reader)
    }
}
