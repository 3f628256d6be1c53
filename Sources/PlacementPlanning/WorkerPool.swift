import Foundation

/// Runs numbered jobs on a fixed number of threads and returns their results in job order,
/// so what comes out does not depend on how many threads ran or which ran what.
///
/// ```swift
/// let squares = try WorkerPool(threads: 2).map(0..<10) { $0 * $0 }   // [0, 1, 4, ...]
/// ```
public struct WorkerPool: Sendable {
    public let threads: Int

    public init(threads: Int) {
        self.threads = max(1, threads)
    }

    /// The machine's active processor count.
    public static var machineCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `body(job)` for every job, on up to `threads` threads; the first error thrown is rethrown
    /// after all threads stop (jobs not yet started are skipped).
    public func map<T: Sendable>(_ jobs: Range<Int>, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        let state = PoolState<T>(jobs: jobs)
        let count = min(threads, jobs.count)
        if count <= 1 {
            return try jobs.map(body)
        }
        let group = DispatchGroup()
        for worker in 0..<count {
            group.enter()
            let thread = Thread {
                while let job = state.next() {
                    do { state.store(job, try body(job)) } catch { state.fail(error) }
                }
                group.leave()
            }
            thread.name = "placement-worker-\(worker)"
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        return try state.results()
    }
}

/// The jobs handed out and the results gathered, under one lock.
private final class PoolState<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var upcoming: Range<Int>.Iterator
    private var gathered: [Int: T] = [:]
    private var error: Error?
    private let jobs: Range<Int>

    init(jobs: Range<Int>) {
        self.jobs = jobs
        upcoming = jobs.makeIterator()
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return error == nil ? upcoming.next() : nil
    }

    func store(_ job: Int, _ value: T) {
        lock.lock()
        gathered[job] = value
        lock.unlock()
    }

    func fail(_ error: Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }

    func results() throws -> [T] {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw error }
        return jobs.map { gathered[$0]! }
    }
}
