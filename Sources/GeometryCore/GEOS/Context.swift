internal import CGEOS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One GEOS context handle, owned by exactly one thread.
///
/// GEOS's reentrant API (`*_r`) takes a context on every call; a context is not thread-safe,
/// so hazmap keeps one per thread (`GEOSContext.current`) and never shares it.
/// The context records the last error and notice message through its handlers, and
/// `check` clears them before each call so that a message always belongs to the call that raised it.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    fileprivate var lastError: String?

    private init() {
        guard let handle = GEOS_init_r() else {
            preconditionFailure("GEOS_init_r returned no context: out of memory")
        }
        self.handle = handle
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
        }, me)
        GEOSContext_setNoticeMessageHandler_r(handle, nil, nil)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The calling thread's context, created on first use and finished when the thread exits.
    static var current: GEOSContext {
        if let raw = pthread_getspecific(threadKey) {
            return Unmanaged<GEOSContext>.fromOpaque(raw).takeUnretainedValue()
        }
        let context = GEOSContext()
        pthread_setspecific(threadKey, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// Clears the last message, runs `body`, and turns a failed sentinel into a `GEOSError`.
    ///
    /// - Parameters:
    ///   - function: the GEOS function name, reported in the error.
    ///   - failed: whether the returned value is GEOS's failure sentinel.
    func check<T>(_ function: String, failed: (T) -> Bool, _ body: (GEOSContextHandle_t) -> T) throws -> T {
        lastError = nil
        let value = body(handle)
        if failed(value) {
            throw GEOSError(function: function, message: lastError ?? "failed without a message")
        }
        return value
    }

    /// Checked call for functions that return a pointer, `nil` on failure.
    func check<T>(_ function: String, _ body: (GEOSContextHandle_t) -> T?) throws -> T {
        lastError = nil
        guard let value = body(handle) else {
            throw GEOSError(function: function, message: lastError ?? "returned null")
        }
        return value
    }

    /// Checked call for predicates, which return 0 or 1, and 2 on failure.
    func checkPredicate(_ function: String, _ body: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        let value = try check(function, failed: { $0 == 2 }, body)
        return value == 1
    }

    /// Checked call for functions that return nothing (such as `GEOSSTRtree_insert_r`): a failure is
    /// seen only as an error message raised during the call.
    func checkMessage(_ function: String, _ body: (GEOSContextHandle_t) -> Void) throws {
        lastError = nil
        body(handle)
        if let message = lastError {
            throw GEOSError(function: function, message: message)
        }
    }

    /// Checked call for functions that return 0 on failure (such as `GEOSArea_r`, `GEOSGeom_getXMin_r`).
    func checkStatus(_ function: String, _ body: (GEOSContextHandle_t) -> Int32) throws {
        _ = try check(function, failed: { $0 == 0 }, body)
    }
}

/// The thread-specific key holding each thread's retained `GEOSContext`; its destructor releases it.
private let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        #if canImport(Darwin)
        Unmanaged<GEOSContext>.fromOpaque(raw).release()
        #else
        if let raw { Unmanaged<GEOSContext>.fromOpaque(raw).release() }
        #endif
    }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
}()
