import Foundation

/// A fixed set of persistent threads that run numbered jobs and return their results in job
/// order, so what comes out does not depend on how many threads ran.
///
/// Jobs are assigned, not taken: job `j` with owner `o(j)` always runs on worker `o(j) mod N`,
/// in increasing job order; worker 0 is the calling thread. A dispatch block's solver state is
/// therefore only ever touched by one thread, by construction (pass the block's number as the
/// owner), as long as the pool is called from one thread.
///
/// A failure is reported deterministically: each worker stops at its own first failure, and
/// ``map(_:owners:_:)`` rethrows the failure of the lowest job index, whatever the thread count.
///
/// ```swift
/// let pool = WorkerPool(threads: 2)
/// let squares = try pool.map(0..<10) { $0 * $0 }   // [0, 1, 4, ...]
/// ```
public final class WorkerPool: Sendable {
    public let threads: Int
    private let workers: [Worker]

    /// A pool of `threads` threads: the caller's, which runs worker 0's jobs, and `threads - 1` of its own.
    public init(threads: Int) {
        self.threads = max(1, threads)
        workers = (1..<self.threads).map { Worker(name: "placement-worker-\($0)") }
    }

    deinit {
        for worker in workers { worker.stop() }
    }

    /// The machine's active processor count.
    public static var machineCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `body(job)` for every job, job `j` on worker `owner mod threads`, where the owner is
    /// `owners[j - jobs.lowerBound]` (default: the job itself); the results in job order. Each
    /// worker stops at its first failure; the failure of the lowest job index is rethrown once
    /// every worker has stopped.
    public func map<T: Sendable>(
        _ jobs: Range<Int>, owners: [Int]? = nil, _ body: @escaping @Sendable (Int) throws -> T
    ) throws -> [T] {
        guard !workers.isEmpty, jobs.count > 1 else { return try jobs.map(body) }
        precondition(owners.map { $0.count == jobs.count } ?? true, "one owner per job")
        let gathered = Gathered<T>(jobs: jobs)
        let shares = (0..<threads).map { position in
            jobs.filter { (owners?[$0 - jobs.lowerBound] ?? $0) % threads == position }
        }
        let run: @Sendable ([Int]) -> Void = { share in
            for job in share {
                do { gathered.store(job, try body(job)) } catch {
                    gathered.fail(job, error)
                    break
                }
            }
        }
        let group = DispatchGroup()
        for (worker, share) in zip(workers, shares.dropFirst()) where !share.isEmpty {
            group.enter()
            worker.submit {
                run(share)
                group.leave()
            }
        }
        run(shares[0])
        group.wait()
        return try gathered.results()
    }
}

/// One persistent thread and its queue of work, under one condition lock.
private final class Worker: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in serve() }
        thread.name = name
        thread.stackSize = 16 << 20
        thread.start()
    }

    func submit(_ work: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.append(work)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread once its queue is empty.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        while true {
            condition.lock()
            while queue.isEmpty, !stopping { condition.wait() }
            let next = queue.isEmpty ? nil : queue.removeFirst()
            condition.unlock()
            guard let next else { return }
            next()
        }
    }
}

/// The results gathered, and the failure of the lowest job index, under one lock.
private final class Gathered<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: T] = [:]
    private var failure: (job: Int, error: any Error)?
    private let jobs: Range<Int>

    init(jobs: Range<Int>) { self.jobs = jobs }

    func store(_ job: Int, _ value: T) {
        lock.lock()
        values[job] = value
        lock.unlock()
    }

    func fail(_ job: Int, _ error: any Error) {
        lock.lock()
        if failure.map({ job < $0.job }) ?? true { failure = (job, error) }
        lock.unlock()
    }

    func results() throws -> [T] {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure.error }
        return jobs.map { values[$0]! }
    }
}
