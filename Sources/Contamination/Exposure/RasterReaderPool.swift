import Foundation

/// Open readers of one raster band (`RasterSource.makeReader`), kept for reuse between groups of work: GDAL
/// caches decompressed blocks per dataset, so reusing a dataset avoids decompressing the same blocks again for the
/// next polygons.
///
/// `@unchecked Sendable` holds because the list of idle readers is touched only while holding `lock`, and each
/// reader is used by one thread at a time: it leaves the list in `withReader` and comes back when `body` returns.
/// At most as many readers are open as threads have used the pool at once.
final class RasterReaderPool: @unchecked Sendable {
    let source: any RasterSource
    private let lock = NSLock()
    private var idle: [any RasterWindowReader] = []

    init(source: any RasterSource) {
        self.source = source
    }

    /// Runs `body` with a reader no other thread is using, opening one (`makeReader`) when none is idle.
    func withReader<T>(_ body: (any RasterWindowReader) throws -> T) throws -> T {
        lock.lock()
        let idleReader = idle.popLast()
        lock.unlock()
        let reader = try idleReader ?? source.makeReader()
        defer {
            lock.lock()
            idle.append(reader)
            lock.unlock()
        }
        return try body(reader)
    }
}
