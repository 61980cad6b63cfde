import Foundation
internal import CGDAL

/// Process-wide GDAL set-up and the error plumbing every GDAL call in GeoIO goes through.
enum GDALRuntime {
    /// Registers all drivers once (`GDALAllRegister`) and replaces GDAL's default stderr printer with
    /// `CPLQuietErrorHandler`. The last error message stays readable per thread (`CPLGetLastErrorMsg`
    /// is thread-local), which is how GeoIO reports failures.
    private static let registration: Void = {
        CPLSetErrorHandler(CPLQuietErrorHandler)
        GeoJSONSizeCheck.configureGDAL()
        GDALAllRegister()
    }()

    /// Makes sure GDAL is registered; cheap after the first call.
    static func prepare() {
        _ = registration
        CPLErrorReset()
    }

    /// The last GDAL error message on this thread, or `nil` when there is none.
    static func lastErrorMessage() -> String? {
        guard let text = CPLGetLastErrorMsg() else { return nil }
        let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? nil : message
    }

    /// Whether the last GDAL error on this thread is a failure (not a warning).
    static func lastCallFailed() -> Bool {
        let type = CPLGetLastErrorType()
        return type == CE_Failure || type == CE_Fatal
    }

    /// Runs `body` with a handler pushed on this thread's GDAL error-handler stack
    /// (`CPLPushErrorHandlerEx`) that records every failure message, and returns them with the result:
    /// GDAL's last message alone is often only the summary ("Failed to read GeoJSON data").
    static func collectingFailures<R>(_ body: () throws -> R) rethrows -> (result: R, failures: [String]) {
        let log = FailureLog()
        let unmanaged = Unmanaged.passRetained(log)
        CPLPushErrorHandlerEx({ type, _, message in
            guard type == CE_Failure || type == CE_Fatal, let message,
                  let user = CPLGetErrorHandlerUserData() else { return }
            Unmanaged<FailureLog>.fromOpaque(user).takeUnretainedValue().messages.append(String(cString: message))
        }, unmanaged.toOpaque())
        defer {
            CPLPopErrorHandler()
            unmanaged.release()
        }
        let result = try body()
        return (result, log.messages)
    }

    /// The messages gathered by `collectingFailures`; touched only by the thread that pushed the handler.
    private final class FailureLog {
        var messages: [String] = []
    }

    /// An error naming the file, the feature, the failed function and GDAL's last message.
    static func error(path: String, function: String, featureIndex: Int? = nil, _ what: String) -> GeoIOError {
        var message = what
        if let gdal = lastErrorMessage() { message += ": " + gdal }
        return GeoIOError(path: path, featureIndex: featureIndex, function: function, message: message)
    }
}

/// A GDAL `char **` name=value option list, freed with `CSLDestroy`.
final class GDALOptions {
    private(set) var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { list = CSLSetNameValue(list, name, value) }
    }

    /// Calls `body` with the list as GDAL's `CSLConstList` (`char **` in C).
    func withList<R>(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R) rethrows -> R {
        try body(list)
    }

    /// Calls `body` with the list as `const char *const *` (the OSR functions' option type).
    func withConstList<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R) rethrows -> R {
        try body(UnsafeRawPointer(list).map { $0.assumingMemoryBound(to: UnsafePointer<CChar>?.self) })
    }

    deinit { CSLDestroy(list) }
}
