import Foundation
import PlacementPlanning
import Testing

/// The worker pool: results in job order, jobs on their owner's worker, and the failure of the
/// lowest job index, whatever the thread count.
@Suite struct WorkerPoolTests {
    struct Failure: Error, Equatable { let job: Int }

    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInJobOrder(threads: Int) throws {
        let pool = WorkerPool(threads: threads)
        #expect(try pool.map(0..<20) { $0 * $0 } == (0..<20).map { $0 * $0 })
        #expect(try pool.map(5..<6) { $0 } == [5])
        #expect(try pool.map(0..<0) { $0 }.isEmpty)
    }

    /// Job `j` runs on worker `owner mod N` in every map: the same thread for the same owner,
    /// across calls, so a block's state is touched by one thread only.
    @Test func aJobRunsOnItsOwnersWorkerEveryTime() throws {
        let pool = WorkerPool(threads: 3)
        let first = try pool.map(0..<12) { _ in currentThread() }
        let again = try pool.map(0..<12, owners: Array(0..<12)) { _ in currentThread() }
        #expect(first == again)
        for job in 0..<12 { #expect(first[job] == first[job % 3]) }
        #expect(Set(first).count == 3)
        // An owner other than the job: jobs 0..<4 owned by blocks 4, 5, 6, 7 run where those would.
        let owned = try pool.map(0..<4, owners: [4, 5, 6, 7]) { _ in currentThread() }
        #expect(owned == Array(first[4..<8]))
    }

    /// Jobs 3 and 7 fail (7 first in time): the error of job 3 is rethrown on every thread count,
    /// and each worker stops at its own first failure.
    @Test(arguments: [1, 2, 3, 4])
    func theLowestFailingJobsErrorIsRethrown(threads: Int) {
        let pool = WorkerPool(threads: threads)
        let ran = JobLog()
        #expect(throws: Failure(job: 3)) {
            try pool.map(0..<10) { job in
                if job == 3 { Thread.sleep(forTimeInterval: 0.05) }
                ran.insert(job)
                if job == 3 || job == 7 { throw Failure(job: job) }
                return job
            }
        }
        // Every job below the first failure ran.
        #expect(ran.jobs.isSuperset(of: [0, 1, 2, 3]))
    }
}

/// The jobs that ran, shared by the pool's threads. An NSLock, not a `Mutex`: the thread
/// sanitizer (.ci/run) sees a pthread mutex's ordering, but not the futex under `Mutex` on Linux,
/// and reported the jobs' inserts as a race.
private final class JobLog: @unchecked Sendable {
    private let lock = NSLock()
    private var ran: Set<Int> = []

    func insert(_ job: Int) { lock.withLock { _ = ran.insert(job) } }

    var jobs: Set<Int> { lock.withLock { ran } }
}

/// The calling thread's identity.
private func currentThread() -> UInt { UInt(pthread_self()) }
