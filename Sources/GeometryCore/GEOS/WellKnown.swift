internal import CGEOS

extension Geometry {
    /// Reads well-known binary (ISO or extended WKB, either byte order) with `GEOSWKBReader_read_r`.
    public init(wkb bytes: UnsafeRawBufferPointer) throws {
        let context = GEOSContext.current
        let reader = try context.check("GEOSWKBReader_create_r") { GEOSWKBReader_create_r($0) }
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let handle = try context.check("GEOSWKBReader_read_r") {
            GEOSWKBReader_read_r($0, reader, base, bytes.count)
        }
        try self.init(owning: handle)
    }

    /// Reads well-known binary from an array of bytes.
    public init(wkb bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try Geometry(wkb: $0) }
    }

    /// Reads well-known text with `GEOSWKTReader_read_r`.
    public init(wkt text: String) throws {
        let context = GEOSContext.current
        let reader = try context.check("GEOSWKTReader_create_r") { GEOSWKTReader_create_r($0) }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        let handle = try context.check("GEOSWKTReader_read_r") { GEOSWKTReader_read_r($0, reader, text) }
        try self.init(owning: handle)
    }

    /// Well-known binary, little-endian, 2D (`GEOSWKBWriter_write_r`).
    public func wkb() throws -> [UInt8] {
        let context = GEOSContext.current
        let writer = try context.check("GEOSWKBWriter_create_r") { GEOSWKBWriter_create_r($0) }
        defer { GEOSWKBWriter_destroy_r(context.handle, writer) }
        GEOSWKBWriter_setByteOrder_r(context.handle, writer, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setOutputDimension_r(context.handle, writer, 2)
        var size = 0
        let buffer = try context.check("GEOSWKBWriter_write_r") { GEOSWKBWriter_write_r($0, writer, handle, &size) }
        defer { GEOSFree_r(context.handle, buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: size))
    }

    /// Well-known text with trailing zeros trimmed (`GEOSWKTWriter_write_r`).
    ///
    /// - Parameter decimals: digits after the decimal point; `nil` keeps full precision.
    public func wkt(decimals: Int? = nil) throws -> String {
        let context = GEOSContext.current
        let writer = try context.check("GEOSWKTWriter_create_r") { GEOSWKTWriter_create_r($0) }
        defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
        GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
        GEOSWKTWriter_setOutputDimension_r(context.handle, writer, 2)
        if let decimals { GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(decimals)) }
        let text = try context.check("GEOSWKTWriter_write_r") { GEOSWKTWriter_write_r($0, writer, handle) }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }
}

extension Geometry: CustomStringConvertible {
    public var description: String { (try? wkt(decimals: 7)) ?? "<\(kind)>" }
}
