import Dispatch
import Foundation

/// Runs `body` for every index in `0..<count` on up to `threads` threads and returns the results in
/// index order, so the output never depends on scheduling. Each thread that runs GEOS work uses its
/// own context (`GEOSContext.current`).
///
/// - Parameters:
///   - order: the order in which indices are started (largest job first balances the threads best);
///     it has no effect on the result.
/// - Throws: the error of the lowest failing index, as a serial run would.
public func parallelMap<T: Sendable>(count: Int, threads: Int, order: [Int]? = nil,
                              _ body: @Sendable (Int) throws -> T) throws -> [T] {
    if threads <= 1 || count <= 1 {
        return try (0..<count).map(body)
    }
    let sequence = order ?? Array(0..<count)
    precondition(sequence.count == count, "parallelMap: the start order must list every index once")
    let slots = ResultSlots<T>(count: count)
    let cursor = WorkCursor(sequence)
    DispatchQueue.concurrentPerform(iterations: Swift.min(threads, count)) { _ in
        while let index = cursor.take() {
            slots.store(Result { try body(index) }, at: index)
        }
    }
    return try slots.results()
}

/// A start order for `parallelMap` over jobs of these sizes: the largest first, ties in index order.
public func largestFirst(sizes: [Int]) -> [Int] {
    sizes.indices.sorted { sizes[$0] > sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }
}

/// The next index to start, shared by the worker threads. `@unchecked Sendable` holds because the
/// position is read and moved only while holding `lock`.
private final class WorkCursor: @unchecked Sendable {
    private let lock = NSLock()
    private let sequence: [Int]
    private var position = 0

    init(_ sequence: [Int]) {
        self.sequence = sequence
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard position < sequence.count else { return nil }
        position += 1
        return sequence[position - 1]
    }
}

/// One result slot per index. `@unchecked Sendable` holds because each slot is written exactly once,
/// by the one worker that took its index from the cursor, and all slots are read only after
/// `DispatchQueue.concurrentPerform` has returned, which orders those writes before the reads.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result<T, any Error>, at index: Int) {
        slots[index] = result
    }

    func results() throws -> [T] {
        try slots.map { slot in
            guard let slot else { preconditionFailure("parallelMap: every index is taken by a worker") }
            return try slot.get()
        }
    }
}
