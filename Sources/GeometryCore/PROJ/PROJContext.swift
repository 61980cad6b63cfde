internal import CPROJ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One PROJ context (`PJ_CONTEXT`), owned by exactly one thread, with that thread's cached operations.
///
/// PROJ objects are bound to the context that made them and a context is not thread-safe, so hazmap
/// keeps one per thread (`PROJContext.current`), with network access turned off. Transformers are
/// costly to create (about 10 ms), so each thread keeps the ones it made in `operations`.
/// The context captures PROJ's error log; `check` clears it before each call so that a message
/// always belongs to the call that raised it.
final class PROJContext {
    let handle: OpaquePointer
    fileprivate var lastLogMessage: String?
    /// A trivial operation bound to this context, used only to reset the context's error number:
    /// PROJ exposes no context-level reset, but `proj_errno_reset` on an object resets its context too.
    private let errnoAnchor: OpaquePointer
    /// This thread's operations, keyed by what they transform between. Destroyed before the context.
    var operations: [OperationKey: PROJOperation] = [:]

    private init() {
        guard let handle = proj_context_create() else {
            preconditionFailure("proj_context_create returned no context: out of memory")
        }
        self.handle = handle
        guard let anchor = proj_create(handle, "+proj=noop") else {
            preconditionFailure("proj_create(+proj=noop) failed: PROJ cannot create its simplest operation")
        }
        errnoAnchor = anchor
        proj_context_set_enable_network(handle, 0)
        proj_log_level(handle, PJ_LOG_ERROR)
        let me = Unmanaged.passUnretained(self).toOpaque()
        proj_log_func(handle, me) { userdata, _, message in
            guard let userdata else { return }
            let context = Unmanaged<PROJContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastLogMessage = message.map { String(cString: $0) }
        }
    }

    deinit {
        operations.removeAll()
        proj_destroy(errnoAnchor)
        proj_context_destroy(handle)
    }

    /// The calling thread's context, created on first use and destroyed when the thread exits.
    static var current: PROJContext {
        if let raw = pthread_getspecific(projThreadKey) {
            return Unmanaged<PROJContext>.fromOpaque(raw).takeUnretainedValue()
        }
        let context = PROJContext()
        pthread_setspecific(projThreadKey, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// Clears the error state, runs `body`, and turns a `nil` result into a `PROJError`.
    ///
    /// - Parameters:
    ///   - function: the PROJ function name, reported in the error.
    ///   - subject: what was being made, such as `CRS 'EPSG:999999'`, put first in the message.
    func check<T>(_ function: String, subject: String, _ body: (OpaquePointer) -> T?) throws -> T {
        resetErrors()
        guard let value = body(handle) else { throw error(function, subject: subject) }
        return value
    }

    /// Clears the context's error number and the last logged message.
    func resetErrors() {
        lastLogMessage = nil
        proj_errno_reset(errnoAnchor)
    }

    /// The error PROJ reports now, as `PROJError(function:, message: "subject: reason")`.
    func error(_ function: String, subject: String) -> PROJError {
        PROJError(function: function, message: "\(subject): \(reason())")
    }

    /// Why the last call failed: PROJ's last logged message (without its function prefix), followed by
    /// the description of the context's error number (`proj_context_errno_string`) when it says more.
    func reason() -> String {
        var logged = lastLogMessage ?? ""
        if let colon = logged.range(of: ": "), logged[..<colon.lowerBound].allSatisfy({ $0.isLetter || $0 == "_" }) {
            logged = String(logged[colon.upperBound...])
        }
        let code = proj_context_errno(handle)
        let described = code == 0 ? "" : proj_context_errno_string(handle, code).map { String(cString: $0) } ?? ""
        let informative = !described.isEmpty && !described.hasPrefix("Unknown error")
        switch (logged.isEmpty, informative) {
        case (false, true): return "\(logged) (\(described))"
        case (false, false): return logged
        case (true, true): return described
        case (true, false): return described.isEmpty ? "failed without a message" : described
        }
    }
}

/// The thread-specific key holding each thread's retained `PROJContext`; its destructor releases it.
private let projThreadKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        #if canImport(Darwin)
        Unmanaged<PROJContext>.fromOpaque(raw).release()
        #else
        if let raw { Unmanaged<PROJContext>.fromOpaque(raw).release() }
        #endif
    }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
}()
